package io.kafmirror.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The recovery point per topic: lag percentiles over the sampled instants, a topic lagging as its worst partition. */
class TopicLagTest extends StateDatabaseFixture {

    static final Instant START = Instant.parse("2026-03-01T09:00:00Z");

    TopicLagTest() {
        super("run", START, Duration.ofDays(30));
    }

    @Test
    void percentilesAreOverInstantsTakingTheWorstPartitionAndOnlyThoseInThePeriod() {
        List<MetricSample> samples = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            Instant at = START.plusSeconds(10L * i);
            // Partition 1 trails partition 0 by a second except at the last instant, where partition 0 is the worst.
            samples.add(sample("orders", 0, at, i == 100 ? 100 : i - 1, i == 100 ? 900 : 3));
            samples.add(sample("orders", 1, at, i == 100 ? 7 : i, 5));
            samples.add(sample("payments", 0, at, 2, 1));
        }
        samples.add(sample("orders", 0, START.minusSeconds(60), 5_000, 99_999));
        db.metrics().insert(samples);

        List<TopicLag> lags = db.metrics().lagPercentiles(START, START.plusSeconds(1_000));

        assertThat(lags).extracting(TopicLag::topic).containsExactly("orders", "payments");
        TopicLag orders = lags.get(0);
        assertThat(orders.job()).isEqualTo("ledger");
        assertThat(orders.samples()).isEqualTo(100);
        assertThat(orders.first()).isEqualTo(START.plusSeconds(10));
        assertThat(orders.last()).isEqualTo(START.plusSeconds(1_000));
        assertThat(orders.p50Seconds()).isCloseTo(50.5, within(1e-9));
        assertThat(orders.p95Seconds()).isCloseTo(95.05, within(1e-9));
        assertThat(orders.p99Seconds()).isCloseTo(99.01, within(1e-9));
        assertThat(orders.maxSeconds()).isEqualTo(100.0);
        assertThat(orders.maxRecords()).isEqualTo(900);
        assertThat(lags.get(1).p99Seconds()).isEqualTo(2.0);
        assertThat(db.metrics().lagPercentiles(START.minusSeconds(3_600), START.minusSeconds(3_000))).isEmpty();
    }

    private static MetricSample sample(String topic, int partition, Instant at, double lagSeconds, long lagRecords) {
        return new MetricSample("ledger", topic, partition, at, 1_000, 1_000 - lagRecords, lagRecords, lagSeconds, 10.0, 1_000.0, 20L,
                null);
    }
}
