package io.kafmirror.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.mirror.Severity;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Which rises of a job's lag are marked as spikes. */
class LagSpikesTest {

    static final Instant START = Instant.parse("2026-11-25T09:00:00Z");

    @Test
    void marksTheStartOfEachRunWellAboveTheMedianWithItsPeak() {
        List<EventMarker> spikes = LagSpikes.in("orders", points(200, 210, 9_000, 12_000, 8_000, 190, 200, 1_500, 220));

        assertThat(spikes).extracting(EventMarker::at).containsExactly(START.plusSeconds(20), START.plusSeconds(70));
        assertThat(spikes).allSatisfy(s -> {
            assertThat(s.entry().type()).isEqualTo("LAG_SPIKE");
            assertThat(s.severity()).isEqualTo(Severity.WARNING);
            assertThat(s.fromSamples()).isTrue();
            assertThat(s.entry().id()).isNegative();
        });
        assertThat(spikes.get(0).entry().message())
                .isEqualTo("Lag rose to 9,000 records (peak 12,000 at 2026-11-25T09:00:30Z), at least 5 times the range's median of 220 records.");
        assertThat(spikes.get(0).details()).startsWith("LAG_SPIKE\nLag rose to 9,000 records").endsWith("(2026-11-25T09:00:20Z), seen in the samples");
    }

    @Test
    void aSmallOrSteadyLagIsNoSpike() {
        assertThat(LagSpikes.in("orders", points(0, 0, 0, 900, 0, 0))).as("under 1000 records").isEmpty();
        assertThat(LagSpikes.in("orders", points(50_000, 52_000, 60_000, 55_000))).as("a steady backlog").isEmpty();
        assertThat(LagSpikes.in("orders", List.of())).isEmpty();
    }

    private static List<TotalPoint> points(long... lags) {
        return LongStream.range(0, lags.length).mapToObj(i -> new TotalPoint(START.plusSeconds(10 * i), lags[(int) i], 10)).toList();
    }
}
