package io.kafmirror.engine.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionStallTest {

    private static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");

    private final PartitionStall stall = new PartitionStall();
    private final List<PartitionStall.Finding> findings = new ArrayList<>();

    @Test
    void aPartitionStoringNothingForTwoMinutesWhileTheSourceGrowsIsStalledFromItsLastMoveUntilItMovesAgain() {
        for (int s = 0; s <= 30; s++) {
            // Stored offset stuck at 500 from sample 6 (60 s) on, while the source keeps growing; moves again at 300 s.
            long stored = s < 6 ? 100L * s : s < 30 ? 500 : 2_900;
            sample(s, 100L * s + 20, stored);
        }

        assertThat(findings).hasSize(2);
        PartitionStall.Finding began = findings.get(0);
        assertThat(began.beginning()).isTrue();
        assertThat(began.topic()).isEqualTo("orders");
        assertThat(began.partition()).isEqualTo(2);
        assertThat(began.at()).isEqualTo(T0.plusSeconds(50));
        assertThat(began.message()).isEqualTo("orders-2: nothing stored since " + T0.plusSeconds(50) + " although the"
                + " source holds 1,220 records more (up to offset 1,720); the backup of this partition is not keeping up."
                + " Check its leader, a transaction left open on it (read_committed reads stop at its first record) and the"
                + " engine's log.");
        assertThat(findings.get(1).beginning()).isFalse();
        assertThat(findings.get(1).at()).isEqualTo(T0.plusSeconds(300));
    }

    @Test
    void anIdlePartitionOrOneThatMovesSlowlyIsNotStalled() {
        for (int s = 0; s <= 60; s++) {
            sample(s, 700, 700);
            stall.observe("orders", 3, T0.plusSeconds(10L * s), 10_000, s / 6).ifPresent(findings::add);
        }

        assertThat(findings).isEmpty();
    }

    private void sample(int s, long sourceEnd, long stored) {
        stall.observe("orders", 2, T0.plusSeconds(10L * s), sourceEnd, stored).ifPresent(findings::add);
    }
}
