package io.kafmirror.engine.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.kfs.catalog.CatalogChunk;
import io.kafmirror.kfs.catalog.CatalogEntry;
import io.kafmirror.kfs.format.SegmentCodec;
import io.kafmirror.kfs.store.ObjectRetention;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class MirrorProgressTest {

    private static final long T0 = Instant.parse("2026-11-25T09:13:00Z").toEpochMilli();

    @Test
    void lagThroughputAndLatencyFollowWhatWasReadFromTheSourceAndStored() {
        MirrorProgress progress = new MirrorProgress(T0);
        progress.resumed(new TopicPartition("orders", 0), 100);
        progress.sourceEnds(Map.of(new TopicPartition("orders", 0), 200L, new TopicPartition("orders", 1), 50L));
        RecordTimestamps timestamps = new RecordTimestamps();
        for (int i = 0; i < 50; i++) {
            timestamps.add(0, T0 + 1_000 + i * 10);
        }
        progress.stored(entry(new CatalogChunk(0, 100, 149, 50, T0 + 1_000, T0 + 1_490, 4_000)), timestamps, T0 + 2_000);

        List<PartitionProgress> sample = progress.sample(Instant.ofEpochMilli(T0 + 10_000));

        assertThat(sample).hasSize(2);
        PartitionProgress p0 = sample.get(0);
        assertThat(p0.storedOffset()).isEqualTo(150);
        assertThat(p0.lagRecords()).isEqualTo(50);
        assertThat(p0.lagSeconds()).isEqualTo(8.51);
        assertThat(p0.recordsPerSecond()).isEqualTo(5.0);
        assertThat(p0.bytesPerSecond()).isEqualTo(400.0);
        // Latencies 510..1000 ms: the median about 750 ms, within a 10 % bucket.
        assertThat(p0.latencyP50Millis()).isBetween(750L, 830L);
        assertThat(p0.latencyP99Millis()).isBetween(990L, 1_100L);
        PartitionProgress p1 = sample.get(1);
        assertThat(p1.storedOffset()).isEqualTo(-1);
        assertThat(p1.lagRecords()).isEqualTo(50);
        assertThat(p1.lagSeconds()).as("unknown: nothing stored yet").isEqualTo(-1);

        PartitionProgress next = progress.sample(Instant.ofEpochMilli(T0 + 20_000)).get(0);
        assertThat(next.recordsPerSecond()).isZero();
        assertThat(next.latencyP50Millis()).isZero();
        assertThat(next.storedOffset()).isEqualTo(150);
    }

    @Test
    void aCaughtUpPartitionHasNoLagAndAForgottenTopicIsGone() {
        MirrorProgress progress = new MirrorProgress(T0);
        progress.resumed(new TopicPartition("orders", 0), 150);
        progress.sourceEnds(Map.of(new TopicPartition("orders", 0), 150L));
        progress.resumed(new TopicPartition("gone", 0), 7);

        progress.forget("gone");
        List<PartitionProgress> sample = progress.sample(Instant.ofEpochMilli(T0 + 1_000));

        assertThat(sample).singleElement().satisfies(p -> {
            assertThat(p.lagRecords()).isZero();
            assertThat(p.lagSeconds()).isZero();
        });
    }

    private static CatalogEntry entry(CatalogChunk chunk) {
        return new CatalogEntry("k", "prod", "orders", UUID.randomUUID(), "w", 0, Instant.ofEpochMilli(T0 + 1_500),
                SegmentCodec.ZSTD, 5_000, "0".repeat(64), chunk.recordCount(), chunk.minTimestamp(), chunk.maxTimestamp(),
                ObjectRetention.NONE, false, List.of(chunk));
    }
}
