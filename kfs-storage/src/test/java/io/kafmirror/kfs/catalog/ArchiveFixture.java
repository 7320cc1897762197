package io.kafmirror.kfs.catalog;

import io.kafmirror.kfs.format.KfsRecord;
import io.kafmirror.kfs.format.SealedSegment;
import io.kafmirror.kfs.format.SegmentCodec;
import io.kafmirror.kfs.format.SegmentIdentity;
import io.kafmirror.kfs.format.SegmentWriter;
import io.kafmirror.kfs.format.SegmentWriterConfig;
import io.kafmirror.kfs.store.ObjectRetention;
import io.kafmirror.kfs.store.RetentionMode;
import io.kafmirror.kfs.store.SegmentKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Publishes a realistic small backup: several topics, partitions and segments per topic, some under retention. */
final class ArchiveFixture {

    private ArchiveFixture() {
    }

    static List<SegmentKey> publishBackup(SegmentArchive archive, int segmentsPerTopic) {
        Random random = new Random(11);
        List<SegmentKey> keys = new ArrayList<>();
        long sealedAt = Instant.parse("2026-11-25T08:50:00Z").toEpochMilli();
        for (String topic : List.of("orders", "payments.v2", "audit_log")) {
            UUID topicId = UUID.nameUUIDFromBytes(topic.getBytes(StandardCharsets.UTF_8));
            long[] next = new long[3];
            for (int s = 0; s < segmentsPerTopic; s++) {
                SegmentWriter writer = new SegmentWriter(new SegmentIdentity("prod-eu", topic, topicId, "host-a", s),
                        SegmentWriterConfig.DEFAULT.withCodec(SegmentCodec.values()[s % SegmentCodec.values().length]));
                for (int p = 0; p < 1 + s % 3; p++) {
                    for (int i = 0; i < 20 + random.nextInt(30); i++) {
                        next[p] += 1 + random.nextInt(2);
                        writer.append(p, KfsRecord.of(next[p], sealedAt - 60_000 + random.nextInt(50_000),
                                ("k" + i).getBytes(StandardCharsets.UTF_8), ("{\"n\":" + next[p] + "}").getBytes(StandardCharsets.UTF_8)));
                    }
                }
                SealedSegment sealed = writer.seal(sealedAt);
                sealedAt += 61_000 + random.nextInt(3_600_000);
                ObjectRetention retention = s % 2 == 0 ? ObjectRetention.NONE
                        : ObjectRetention.of(RetentionMode.GOVERNANCE, Instant.parse("2031-01-01T00:00:00Z"));
                keys.add(archive.publish(sealed, retention, false));
            }
        }
        return keys;
    }

    /** A one-record segment of orders by {@code writer}, sealed at a fixed instant, so its key depends on the writer and sequence only. */
    static SealedSegment segment(String writer, long sequence, String value) {
        SegmentWriter w = new SegmentWriter(new SegmentIdentity("prod-eu", "orders",
                UUID.nameUUIDFromBytes("orders".getBytes(StandardCharsets.UTF_8)), writer, sequence), SegmentWriterConfig.DEFAULT);
        w.append(0, KfsRecord.of(0, 1_000, "k".getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8)));
        return w.seal(Instant.parse("2026-11-25T10:00:00Z").toEpochMilli());
    }
}
