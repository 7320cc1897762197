package io.kafmirror.engine.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimestampSkewTest {

    private static final long T0 = Instant.parse("2026-12-02T09:00:00Z").toEpochMilli();
    private static final long DAY = 86_400_000L;

    private final TimestampSkew skew = new TimestampSkew("orders", Sensitivity.NORMAL);
    private final List<TimestampSkew.Finding> findings = new ArrayList<>();
    private final Random random = new Random(11);
    private long time = T0;

    @Test
    void aDayOfRecordsFromProducersWithJitteryClocksReadByABackupCatchingUpRaisesNothing() {
        // A backup started a day late reads the whole day within minutes: every record is hours older than its reading.
        long readAt = T0 + DAY;
        for (int i = 0; i < 200_000; i++) {
            time += 400;
            long jitter = (long) (random.nextGaussian() * 2_000);
            readAt += 1;
            observe(i % 3, time + jitter, readAt);
        }

        assertThat(findings).as("false positives in 200,000 records").isEmpty();
    }

    @Test
    void recordsStampedTwoDaysAheadAreReportedOnceWithTheirCountAndTheFurthest() {
        steady(500);
        long firstRead = time + 10 + 50;
        for (int i = 0; i < 40; i++) {
            time += 10;
            observe(1, time + 2 * DAY + i, time + 50);
        }
        steady(500);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ahead()).isEqualTo(40);
            assertThat(f.behind()).isZero();
            assertThat(f.partitions()).containsExactly(1);
            assertThat(f.at()).isEqualTo(Instant.ofEpochMilli(firstRead));
            assertThat(f.message()).startsWith("orders: 40 of 100 records read from " + Instant.ofEpochMilli(firstRead)
                    + " carry timestamps far from when they were written: 40 stamped more than 1 hour ahead of the time"
                    + " they were read, the furthest 2 days ahead (");
        });
    }

    @Test
    void recordsStampedHoursBeforeTheirPartitionsNewestAreBehind() {
        steady(2_000);
        for (int i = 0; i < 20; i++) {
            time += 10;
            observe(0, time - 3 * 3_600_000L, time + 50);
        }
        steady(100);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.behind()).isEqualTo(20);
            assertThat(f.ahead()).isZero();
            assertThat(f.message()).contains("20 stamped more than 1 hour before records already in their partition,"
                    + " the furthest 3 hours before (");
        });
    }

    @Test
    void skewedRecordsInEveryWindowAreOneIncidentAndAQuietSpellEndsIt() {
        steady(500);
        for (int i = 0; i < 1_000; i++) {
            time += 10;
            observe(0, i % 10 == 0 ? time + DAY : time, time + 50);
        }
        steady(TimestampSkew.WINDOW * TimestampSkew.QUIET_WINDOWS);
        observe(0, time + DAY, time + 50);
        steady(TimestampSkew.WINDOW);

        assertThat(findings).hasSize(2);
    }

    private void steady(int records) {
        for (int i = 0; i < records; i++) {
            time += 10;
            observe(i % 3, time, time + 50);
        }
    }

    private void observe(int partition, long timestamp, long readAt) {
        skew.observe(partition, timestamp, readAt).ifPresent(findings::add);
    }
}
