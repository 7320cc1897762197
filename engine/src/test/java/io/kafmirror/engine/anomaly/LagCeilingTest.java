package io.kafmirror.engine.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.config.AnomalySettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A job's lag against the fixed ceiling set for it, on simulated 10 s samples. */
class LagCeilingTest {

    private static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");
    private static final Duration LINGER = Duration.ofSeconds(30);

    private final LagCeiling ceiling = new LagCeiling("orders-backup", Duration.ofMinutes(5), LINGER);
    private final List<LagCeiling.Finding> findings = new ArrayList<>();
    private final Random random = new Random(11);

    @Test
    void aLagCreepingUpForAnHourIsReportedOnceFromWhenItPassedTheCeilingAndEndsWhenBackUnder() {
        for (int s = 0; s < 100; s++) {
            sample(s, steady(s));
        }
        for (int s = 100; s < 400; s++) {
            // orders-1 falls behind a little more every sample, 1.5 s per 10 s, for fifty minutes.
            List<LagSpike.PartitionLag> lag = new ArrayList<>(steady(s));
            lag.set(1, new LagSpike.PartitionLag("orders", 1, 150L * (s - 100), 20 + 1.5 * (s - 100)));
            sample(s, lag);
        }
        for (int s = 400; s < 420; s++) {
            sample(s, steady(s));
        }

        assertThat(findings).hasSize(2);
        LagCeiling.Finding passed = findings.get(0);
        // 299 s at sample 286, 300.5 s at sample 287: 300 s two thirds of the way between them.
        Instant crossed = at(286).plusMillis(6_667);
        assertThat(passed.beginning()).isTrue();
        assertThat(passed.at()).isEqualTo(crossed);
        assertThat(passed.topic()).isEqualTo("orders");
        assertThat(passed.partition()).isEqualTo(1);
        assertThat(passed.message()).isEqualTo("orders-backup: lag passed its ceiling of 5 minutes at " + crossed + "; at "
                + at(287) + " orders-1 was 301 s behind: records written to it since " + at(287).minusMillis(300_500)
                + " are only on the source. The last instant before it: " + crossed.minusMillis(1) + ".");
        LagCeiling.Finding back = findings.get(1);
        assertThat(back.beginning()).isFalse();
        assertThat(back.at()).as("the first sample back under").isEqualTo(at(400));
        assertThat(back.message()).startsWith("orders-backup: lag is back under its ceiling of 5 minutes since " + at(400))
                .endsWith("; from " + crossed + " it peaked at 469 s.");
    }

    @Test
    void aSteadyStreamWithItsFlushSawtoothRaisesNothingOverAWeek() {
        for (int s = 0; s < 7 * 8_640; s++) {
            sample(s, steady(s));
        }

        assertThat(findings).as("false positives in 60,480 samples").isEmpty();
    }

    @Test
    void aJobCatchingUpOnTwoDaysOfHistoryIsNotOverItsCeilingUntilItHasCaughtUp() {
        for (int s = 0; s < 200; s++) {
            double behind = Math.max(0, 172_800 - 1_500.0 * s);
            sample(s, behind > 0 ? List.of(new LagSpike.PartitionLag("orders", 0, 1_000_000, behind)) : steady(s));
        }

        assertThat(findings).isEmpty();
    }

    @Test
    void aQuietPartitionGettingARecordAnHourIsNoBreach() {
        for (int s = 0; s < 2_000; s++) {
            // audit-0 gets a record every hour; at the sample after it, that record waits for its flush: behind by the
            // linger and the 5 s between the asks for the source's end offsets at most (MirrorProgress).
            List<LagSpike.PartitionLag> lag = new ArrayList<>(steady(s));
            boolean waiting = s > 0 && s % 360 == 0;
            lag.add(new LagSpike.PartitionLag("audit", 0, waiting ? 1 : 0, waiting ? LINGER.toSeconds() + 5 : 0));
            sample(s, lag);
        }

        assertThat(findings).isEmpty();
    }

    @Test
    void aStallOfAnHourIsOneFindingAndTheDefaultCeilingGrowsWithALongLinger() {
        for (int s = 0; s < 400; s++) {
            sample(s, s < 10 ? steady(s) : List.of(new LagSpike.PartitionLag("orders", 0, 100L * s, 10.0 * (s - 10) + 5)));
        }

        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).at()).as("305 s at sample 40, 295 s at 39").isEqualTo(at(39).plusSeconds(5));
        assertThat(AnomalySettings.DEFAULT.lagCeiling(LINGER)).isEqualTo(Duration.ofMinutes(5));
        assertThat(AnomalySettings.DEFAULT.lagCeiling(Duration.ofMinutes(4)))
                .isEqualTo(Duration.ofMinutes(8));
    }

    /** Three partitions flushed every 30 s: each one's lag climbs to the linger and drops; an upload sometimes takes 5 s. */
    private List<LagSpike.PartitionLag> steady(int s) {
        List<LagSpike.PartitionLag> lag = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            double waited = (10.0 * s + 7 * p + random.nextDouble() * 3) % LINGER.toSeconds()
                    + (random.nextInt(50) == 0 ? 5 : 0.3);
            lag.add(new LagSpike.PartitionLag("orders", p, Math.round(60 * waited), waited));
        }
        return lag;
    }

    private void sample(int s, List<LagSpike.PartitionLag> lag) {
        ceiling.observe(at(s), lag).ifPresent(findings::add);
    }

    private static Instant at(int s) {
        return T0.plusSeconds(10L * s);
    }
}
