package io.kafmirror.engine.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LagSpikeTest {

    private static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");
    private static final Duration LINGER = Duration.ofSeconds(30);

    private final LagSpike spikes = new LagSpike("orders-backup", Sensitivity.NORMAL, LINGER);
    private final List<LagSpike.Finding> findings = new ArrayList<>();
    private final Random random = new Random(7);

    @Test
    void aSteadyStreamWithItsFlushSawtoothAndDailySwingsRaisesNothingOverAWeek() {
        // A week of 10 s samples: each partition's lag climbs for up to the 30 s linger and drops when its segment is
        // stored; the rate swings threefold over the day and by ±30 % from sample to sample; an upload sometimes takes 5 s.
        for (int s = 0; s < 7 * 8_640; s++) {
            sample(s, steady(s));
        }

        assertThat(findings).as("false positives in 60,480 samples").isEmpty();
    }

    @Test
    void aSpikeInTwoPartitionsIsReportedFromItsFirstSampleNamingThemAndEndsWhenTheLagIsUsualAgain() {
        for (int s = 0; s < 100; s++) {
            sample(s, steady(s));
        }
        for (int s = 100; s < 110; s++) {
            // The store slows down: orders-1 and orders-2 fall behind, orders-0 keeps its usual lag.
            List<LagSpike.PartitionLag> lag = new ArrayList<>(steady(s).subList(0, 1));
            lag.add(new LagSpike.PartitionLag("orders", 1, 24_105 + 100L * (s - 100), 93));
            lag.add(new LagSpike.PartitionLag("orders", 2, 23_995, 90));
            sample(s, lag);
        }
        for (int s = 110; s < 120; s++) {
            sample(s, steady(s));
        }

        assertThat(findings).hasSize(2);
        LagSpike.Finding began = findings.get(0);
        assertThat(began.phase()).isEqualTo(LagSpike.Phase.BEGAN);
        assertThat(began.at()).isEqualTo(at(100));
        assertThat(began.topic()).isEqualTo("orders");
        assertThat(began.partition()).as("two partitions").isEqualTo(-1);
        assertThat(began.message()).startsWith("orders-backup: lag rose to ")
                .contains(" at " + at(100) + ", carried by orders-1 (24,105 records, 93 s), orders-2 (23,995 records, 90 s);"
                        + " usually under ")
                .doesNotContain("orders-0");
        LagSpike.Finding ended = findings.get(1);
        assertThat(ended.phase()).isEqualTo(LagSpike.Phase.ENDED);
        assertThat(ended.at()).as("the first sample back").isEqualTo(at(110));
        assertThat(ended.message()).contains("from " + at(100) + " it peaked at").contains("93 s");
    }

    @Test
    void aSpikeOfTenTimesTheBarInSecondsIsSevere() {
        for (int s = 0; s < 60; s++) {
            sample(s, steady(s));
        }
        for (int s = 60; s < 70; s++) {
            // Nothing stored any more: 40,000 records and 4 minutes behind, then half an hour.
            sample(s, List.of(new LagSpike.PartitionLag("orders", 0, s < 65 ? 40_000 : 60_000, s < 65 ? 240 : 1_800)));
        }

        assertThat(findings).extracting(LagSpike.Finding::phase, LagSpike.Finding::at)
                .containsExactly(tuple(LagSpike.Phase.BEGAN, at(60)), tuple(LagSpike.Phase.SEVERE, at(65)));
        assertThat(findings.get(0).partition()).isZero();
        assertThat(findings.get(1).message()).contains("the store or the source is not keeping up");
    }

    @Test
    void aJobOrATopicCatchingUpOnItsHistoryIsNoSpikeNorATopicRecreatedAndFilledAgain() {
        for (int s = 0; s < 200; s++) {
            // A new job reads a topic's two days of history: millions of records, days behind, shrinking.
            long left = Math.max(0, 5_000_000 - 40_000L * s);
            sample(s, left > 0 ? List.of(new LagSpike.PartitionLag("orders", 0, left, 172_800 - 1_500.0 * s)) : steady(s));
        }
        for (int s = 200; s < 300; s++) {
            // A topic created with a day of history joins the job, which has learned its usual lag by now.
            List<LagSpike.PartitionLag> lag = new ArrayList<>(steady(s));
            long left = Math.max(0, 2_000_000 - 50_000L * (s - 200));
            lag.add(new LagSpike.PartitionLag("refunds", 0, left, left > 0 ? 86_400 - 2_000.0 * (s - 200) : 0));
            sample(s, lag);
        }
        for (int s = 300; s < 400; s++) {
            // orders-0's topic is recreated and filled again with a day of records: nothing stored of it at first.
            List<LagSpike.PartitionLag> lag = new ArrayList<>(steady(s));
            long left = s < 302 ? 1_000_000 : Math.max(0, 1_000_000 - 50_000L * (s - 302));
            lag.set(0, new LagSpike.PartitionLag("orders", 0, left, s < 302 ? -1 : left > 0 ? 86_400 - 2_000.0 * (s - 302) : 0));
            sample(s, lag);
        }

        assertThat(findings).isEmpty();
    }

    @Test
    void nothingIsJudgedBeforeFiveMinutesOfSamplesAreLearned() {
        for (int s = 0; s < LagSpike.MIN_LEARNED; s++) {
            sample(s, s < LagSpike.MIN_LEARNED - 1 ? steady(s) : List.of(new LagSpike.PartitionLag("orders", 0, 90_000, 300)));
        }

        assertThat(findings).isEmpty();
    }

    /** Three partitions of a stream of about 100 to 300 records a second in all, flushed every 30 s. */
    private List<LagSpike.PartitionLag> steady(int s) {
        double daily = 200 + 100 * Math.sin(2 * Math.PI * s / 8_640.0);
        List<LagSpike.PartitionLag> lag = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            double waited = (10.0 * s + 7 * p + random.nextDouble() * 3) % LINGER.toSeconds()
                    + (random.nextInt(50) == 0 ? 5 : 0.3);
            double rate = daily / 3 * (0.7 + 0.6 * random.nextDouble());
            lag.add(new LagSpike.PartitionLag("orders", p, Math.round(rate * waited), waited));
        }
        return lag;
    }

    private void sample(int s, List<LagSpike.PartitionLag> lag) {
        spikes.observe(at(s), lag).ifPresent(findings::add);
    }

    private static Instant at(int s) {
        return T0.plusSeconds(10L * s);
    }
}
