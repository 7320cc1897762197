package io.kafmirror.engine.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.format.KfsRecord;
import io.kafmirror.kfs.format.SealedSegment;
import io.kafmirror.kfs.format.SegmentIdentity;
import io.kafmirror.kfs.format.SegmentWriter;
import io.kafmirror.kfs.format.SegmentWriterConfig;
import io.kafmirror.kfs.store.LocalSegmentStore;
import io.kafmirror.kfs.store.ObjectRetention;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentUploaderTest {

    private static final UUID TOPIC_ID = UUID.randomUUID();

    @TempDir
    Path dir;

    private final RecordingListener listener = new RecordingListener();

    @Test
    void storesSegmentsInTheOrderTheyWereSealed() throws Exception {
        try (SegmentCatalog catalog = SegmentCatalog.open(dir.resolve("catalog"));
             LocalSegmentStore store = new LocalSegmentStore(dir.resolve("store"));
             SegmentUploader uploader = new SegmentUploader("job", new SegmentArchive(store, catalog), listener,
                     new MirrorProgress(0), Clock.systemUTC())) {
            for (int i = 0; i < 5; i++) {
                uploader.submit(new PendingSegment(segment(i, i * 10L), ObjectRetention.NONE, RecordTimestamps.NONE));
            }
            assertThat(uploader.drain(Duration.ofSeconds(30))).isTrue();
            assertThat(uploader.queuedBytes()).isZero();
            assertThat(listener.stored).extracting(e -> e.chunks().get(0).firstOffset()).containsExactly(0L, 10L, 20L, 30L, 40L);
            assertThat(catalog.segments("prod", "orders")).hasSize(5);
        }
    }

    @Test
    void retriesThroughAStoreOutageAndReportsItsEndWithoutLosingASegment() throws Exception {
        Path root = dir.resolve("store");
        try (SegmentCatalog catalog = SegmentCatalog.open(dir.resolve("catalog"));
             LocalSegmentStore store = new LocalSegmentStore(root)) {
            // The store's folder replaced by a file: every write fails until it is put back.
            Path moved = dir.resolve("moved-away");
            Files.move(root, moved);
            Files.writeString(root, "not a folder");
            try (SegmentUploader uploader = new SegmentUploader("job", new SegmentArchive(store, catalog), listener,
                    new MirrorProgress(0), Clock.systemUTC())) {
                uploader.submit(new PendingSegment(segment(0, 0), ObjectRetention.NONE, RecordTimestamps.NONE));
                uploader.submit(new PendingSegment(segment(1, 10), ObjectRetention.NONE, RecordTimestamps.NONE));
                assertThat(uploader.drain(Duration.ofSeconds(1))).isFalse();
                assertThat(uploader.failing()).isTrue();
                assertThat(listener.eventTypes()).containsExactly(MirrorEvent.Type.STORE_ERROR);
                assertThat(listener.events.get(0).message()).contains("orders").contains(store.location());
                assertThat(uploader.queuedBytes()).isPositive();

                Files.delete(root);
                Files.move(moved, root);
                assertThat(uploader.drain(Duration.ofSeconds(30))).isTrue();
            }
            assertThat(listener.eventTypes())
                    .containsExactly(MirrorEvent.Type.STORE_ERROR, MirrorEvent.Type.STORE_RECOVERED);
            assertThat(listener.stored).extracting(e -> e.chunks().get(0).firstOffset()).containsExactly(0L, 10L);
        }
    }

    private static SealedSegment segment(long sequence, long firstOffset) {
        SegmentWriter writer = new SegmentWriter(new SegmentIdentity("prod", "orders", TOPIC_ID, "wtest", sequence),
                SegmentWriterConfig.DEFAULT);
        for (long offset = firstOffset; offset < firstOffset + 3; offset++) {
            writer.append(0, new KfsRecord(offset, 1_000 + offset, TimestampType.CREATE_TIME,
                    ("k" + offset).getBytes(StandardCharsets.UTF_8), ("v" + offset).getBytes(StandardCharsets.UTF_8),
                    new org.apache.kafka.common.header.Header[0]));
        }
        return writer.seal(2_000 + sequence);
    }
}
