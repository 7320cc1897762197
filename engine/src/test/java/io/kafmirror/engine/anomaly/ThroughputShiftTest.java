package io.kafmirror.engine.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.anomaly.ThroughputShift.Direction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ThroughputShiftTest {

    private static final long T0 = Instant.parse("2026-12-02T00:00:00Z").toEpochMilli();
    private static final int PARTITIONS = 3;
    // How long after its timestamp a record is read: a backup keeping up.
    private static final long LAG_MS = 300;

    private final ThroughputShift shift = new ThroughputShift("orders", Sensitivity.NORMAL);
    private final List<ThroughputShift.Finding> findings = new ArrayList<>();
    private final Random random = new Random(7);
    private long time = T0;

    @Test
    void aSteadyDayWithADailySwingAndNoiseRaisesNothingInAny8640Buckets() {
        // 80 to 320 records/s over the day, each 10 s off by a lognormal factor, each second's count Poisson-like,
        // and a natural one-minute surge of half again every two hours.
        produce(86_400, second -> {
            double daily = 200 + 120 * Math.sin(2 * Math.PI * second / 86_400);
            double surge = second % 7_200 < 60 ? 1.5 : 1;
            return daily * surge;
        });

        assertThat(findings).as("false positives in 8,640 buckets of a simulated day").isEmpty();
    }

    @Test
    void aTenfoldBurstIsASpikeFromItsFirstBucketWithTheLastInstantBeforeIt() {
        produce(1_800, second -> 200);
        long burst = time;
        produce(60, second -> 2_000);
        long burstEnd = time;
        produce(120, second -> 200);

        assertThat(findings).hasSize(2);
        ThroughputShift.Finding began = findings.get(0);
        assertThat(began.direction()).isEqualTo(Direction.SPIKE);
        assertThat(began.beginning()).isTrue();
        assertThat(began.at()).isEqualTo(Instant.ofEpochMilli(burst));
        assertThat(began.suggestedRestorePoint()).isEqualTo(Instant.ofEpochMilli(burst - 1));
        assertThat(began.message()).matches("orders: \\d,\\d\\d\\d records/s since " + Instant.ofEpochMilli(burst)
                + ", usually 1\\d\\d–2\\d\\d records/s\\. The last instant before it: " + Instant.ofEpochMilli(burst - 1)
                + "\\.");
        ThroughputShift.Finding ended = findings.get(1);
        assertThat(ended.beginning()).isFalse();
        assertThat(ended.at()).isEqualTo(Instant.ofEpochMilli(burstEnd));
        assertThat(ended.began()).isEqualTo(began.at());
        assertThat(ended.message()).contains("back to the usual").contains("peaked at 2,");
    }

    @Test
    void aBurstStartingInsideABucketIsDatedFromThatBucket() {
        produce(1_800, second -> 200);
        produce(4, second -> 200);
        long burst = time;
        produce(60, second -> 2_000);

        assertThat(findings).first().satisfies(f -> {
            assertThat(f.at()).isBetween(Instant.ofEpochMilli(burst - ThroughputShift.BUCKET_MS), Instant.ofEpochMilli(burst));
            assertThat(f.suggestedRestorePoint()).isBefore(Instant.ofEpochMilli(burst));
        });
    }

    @Test
    void aTopicThatStopsGettingRecordsIsADropSeenAsTheClockMovesOn() {
        produce(1_800, second -> 200);
        long stop = time;
        for (int s = 0; s < 120; s++) {
            time += 1_000;
            findings.addAll(shift.tick(time + LAG_MS));
        }

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.direction()).isEqualTo(Direction.DROP);
            assertThat(f.at()).isEqualTo(Instant.ofEpochMilli(stop));
            assertThat(f.message()).startsWith("orders: 0 records/s since " + Instant.ofEpochMilli(stop) + ", usually ");
        });

        produce(120, second -> 200);
        assertThat(findings).hasSize(2).last().satisfies(f -> {
            assertThat(f.direction()).isEqualTo(Direction.DROP);
            assertThat(f.beginning()).isFalse();
            assertThat(f.message()).contains("fell to 0 records/s");
        });
    }

    @Test
    void aBackupCatchingUpOnTwoHoursReadsNoSpikeInIt() {
        // The history is read a partition's five minutes after another's, much faster than it was written.
        long readAt = T0 + 7_200_000;
        shift.partitions(PARTITIONS, readAt);
        for (long chunk = 0; chunk < 7_200_000; chunk += 300_000) {
            for (int p = 0; p < PARTITIONS; p++) {
                for (long ms = chunk; ms < chunk + 300_000; ms += 100) {
                    findings.addAll(shift.observe(p, T0 + ms, T0 + ms + 99, 7, readAt));
                }
                readAt += 50;
            }
        }

        assertThat(findings).isEmpty();
    }

    @Test
    void aBurstyTopicHasNoUsualRateAndIsNotJudged() {
        // 3,000 records within a few seconds every five minutes, then one burst ten times bigger.
        for (int i = 0; i < 24; i++) {
            double burst = i == 23 ? 6_000 : 600;
            produce(5, second -> burst);
            produce(295, second -> 0);
        }

        assertThat(findings).isEmpty();
    }

    @Test
    void recordsTooFarAheadOfTheClockAreNotCountedAndCloseNothing() {
        produce(1_800, second -> 200);
        findings.addAll(shift.observe(0, time + 2 * 86_400_000L, time + 2 * 86_400_000L, 50_000, time + LAG_MS));
        produce(60, second -> 200);

        assertThat(findings).isEmpty();
    }

    @Test
    @Timeout(10)
    void recordsFromNineteenSeventyAmongTodaysAreJudgedWithoutWalkingEveryBucketBetween() {
        findings.addAll(shift.observe(0, 1_000, 2_000, 2, T0));
        produce(1_800, second -> 200);

        assertThat(findings).isEmpty();
    }

    /** Records for {@code seconds} at {@code perSecond(second)} records/s, read every second from every partition. */
    private void produce(int seconds, DoubleUnaryOperator perSecond) {
        double noise = 1;
        for (int s = 0; s < seconds; s++) {
            long second = (time - T0) / 1_000;
            if (second % 10 == 0) {
                noise = Math.exp(0.15 * random.nextGaussian());
            }
            double expected = perSecond.applyAsDouble(second) * noise / PARTITIONS;
            for (int p = 0; p < PARTITIONS; p++) {
                int records = (int) Math.max(0, Math.round(expected + Math.sqrt(expected) * random.nextGaussian()));
                if (records > 0) {
                    findings.addAll(shift.observe(p, time, time + 999, records, time + 1_000 + LAG_MS));
                }
            }
            time += 1_000;
            findings.addAll(shift.tick(time + LAG_MS));
        }
    }
}
