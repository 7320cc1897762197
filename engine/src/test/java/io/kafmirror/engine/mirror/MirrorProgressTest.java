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
    private static final TopicPartition ORDERS = new TopicPartition("orders", 0);

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

    @Test
    void aQuietPartitionsRecordWaitingForItsFlushIsSecondsBehindNotAnHour() {
        MirrorProgress progress = resumed(10, 10);
        long hour = 3_600_000;
        // The end offsets are asked every 5 s; the last answer before the record came was all stored.
        progress.sourceEnds(Map.of(ORDERS, 10L), T0 + hour - 3_000);
        assertThat(lagSeconds(progress, T0 + hour - 1_000)).isZero();

        progress.sourceEnds(Map.of(ORDERS, 11L));
        progress.sourceEnds(Map.of(ORDERS, 11L), T0 + hour + 2_000);
        assertThat(lagSeconds(progress, T0 + hour + 2_500)).as("the record waits for its flush").isEqualTo(5.5);
        progress.stored(entry(new CatalogChunk(0, 10, 10, 1, T0 + hour, T0 + hour, 100)), RecordTimestamps.NONE,
                T0 + hour + 3_000);

        assertThat(lagSeconds(progress, T0 + hour + 4_000)).isZero();
    }

    @Test
    void aPartitionBehindForFiveMinutesIsFiveMinutesBehindAndCatchesUpReadingByReading() {
        MirrorProgress progress = resumed(100, 100);
        for (int s = 5; s <= 300; s += 5) {
            progress.sourceEnds(Map.of(ORDERS, 100L + s), T0 + s * 1_000L);
        }
        assertThat(lagSeconds(progress, T0 + 300_000)).isEqualTo(300);

        // Stored up to the end read at 200 s: what was written before then is in the store.
        progress.stored(entry(new CatalogChunk(0, 100, 299, 200, T0, T0 + 200_000, 100)), RecordTimestamps.NONE,
                T0 + 301_000);
        assertThat(lagSeconds(progress, T0 + 302_000)).isEqualTo(102);
    }

    @Test
    void halfAnHourBehindTheReadingsKeptAreThinnedToCoarserNeverYounger() {
        MirrorProgress progress = resumed(100, 100);
        for (int s = 5; s <= 1_800; s += 5) {
            progress.sourceEnds(Map.of(ORDERS, 100L + s), T0 + s * 1_000L);
        }

        // Stored up to the end read at 1,205 s; that reading was thinned away, the one at 1,200 s is kept.
        progress.stored(entry(new CatalogChunk(0, 100, 1_304, 1_205, T0, T0, 100)), RecordTimestamps.NONE, T0 + 1_800_000);
        assertThat(lagSeconds(progress, T0 + 1_800_000)).as("595 s, 5 s coarser").isEqualTo(600);
    }

    @Test
    void producerTimestampsADayOffMoveNothing() {
        MirrorProgress progress = resumed(0, 0);
        long day = 86_400_000;
        // Stored: one record its producer dated a day ahead, then one dated a day back.
        progress.sourceEnds(Map.of(ORDERS, 1L), T0 + 5_000);
        progress.stored(entry(new CatalogChunk(0, 0, 0, 1, T0 + day, T0 + day, 100)), RecordTimestamps.NONE, T0 + 6_000);
        progress.sourceEnds(Map.of(ORDERS, 2L), T0 + 10_000);
        assertThat(lagSeconds(progress, T0 + 10_000)).as("waiting since the end read at 5 s was stored").isEqualTo(5);
        progress.stored(entry(new CatalogChunk(0, 1, 1, 1, T0 - day, T0 - day, 100)), RecordTimestamps.NONE, T0 + 11_000);
        assertThat(lagSeconds(progress, T0 + 12_000)).isZero();

        // The store stalls for a minute after the record dated a day back: a minute behind, not a day.
        for (int s = 15; s <= 70; s += 5) {
            progress.sourceEnds(Map.of(ORDERS, 2L + s), T0 + s * 1_000L);
        }
        assertThat(lagSeconds(progress, T0 + 70_000)).isEqualTo(60);
    }

    @Test
    void untilTheBackupFirstHoldsAllTheSourceHadTheNewestStoredRecordsAgeCounts() {
        MirrorProgress progress = resumed(0, 1_000);
        assertThat(lagSeconds(progress, T0 + 1_000)).as("unknown: nothing stored yet").isEqualTo(-1);

        progress.stored(entry(new CatalogChunk(0, 0, 499, 500, T0 - 7_200_000, T0 - 3_600_000, 100)),
                RecordTimestamps.NONE, T0 + 2_000);
        assertThat(lagSeconds(progress, T0 + 2_000)).as("reading its history").isEqualTo(3_602);
    }

    /** Progress of orders-0 resumed at {@code storedNext}, its end offset {@code end} as asked at T0. */
    private static MirrorProgress resumed(long storedNext, long end) {
        MirrorProgress progress = new MirrorProgress(T0);
        progress.resumed(ORDERS, storedNext);
        progress.sourceEnds(Map.of(ORDERS, end), T0);
        return progress;
    }

    private static double lagSeconds(MirrorProgress progress, long at) {
        return progress.sample(Instant.ofEpochMilli(at)).get(0).lagSeconds();
    }

    private static CatalogEntry entry(CatalogChunk chunk) {
        return new CatalogEntry("k", "prod", "orders", UUID.randomUUID(), "w", 0, Instant.ofEpochMilli(T0 + 1_500),
                SegmentCodec.ZSTD, 5_000, "0".repeat(64), chunk.recordCount(), chunk.minTimestamp(), chunk.maxTimestamp(),
                ObjectRetention.NONE, false, List.of(chunk));
    }
}
