package io.kafmirror.engine.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Property(tries = 200)
    void percentilesAreWithinABucketOfTheExactAnswer(@ForAll @Size(min = 1, max = 500) long[] latencies,
                                                     @ForAll @DoubleRange(min = 0.01, max = 1.0) double quantile) {
        LatencyHistogram histogram = new LatencyHistogram();
        long[] clamped = Arrays.stream(latencies).map(l -> Math.min(Math.max(l, 0), 86_400_000L)).sorted().toArray();
        Arrays.stream(clamped).forEach(histogram::record);
        long exact = clamped[(int) Math.max(0, Math.ceil(quantile * clamped.length) - 1)];

        long answer = histogram.percentile(quantile);

        assertThat(answer).isGreaterThanOrEqualTo(exact).isLessThanOrEqualTo(Math.max(1, (long) Math.ceil(exact * 1.1)));
    }

    @Property(tries = 50)
    void clearedItAnswersZero(@ForAll @LongRange(min = 0, max = 10_000) long latency) {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(latency);
        histogram.clear();
        assertThat(histogram.isEmpty()).isTrue();
        assertThat(histogram.percentile(0.99)).isZero();
    }

    @Test
    void producerClocksAheadOfOursCountAsNoLatency() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(-5_000);
        assertThat(histogram.percentile(0.5)).isEqualTo(1);
    }
}
