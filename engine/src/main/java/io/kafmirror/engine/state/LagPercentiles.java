package io.kafmirror.engine.state;

import java.time.Instant;
import java.util.Arrays;

/**
 * How far behind a job (or one of its topics) was over a window, as percentiles of its progress samples: the recovery
 * point the backup achieved. At each sampling instant the lag in records is its partitions' sum and the lag in seconds
 * their largest (the recovery point of the partition furthest behind); the percentiles are over those instants.
 * Read with {@link MetricsSeries#lagPercentiles}.
 *
 * @param job     the job
 * @param topic   the topic, or {@code null} for all of the job's
 * @param from    the window's start
 * @param to      the window's end
 * @param samples how many sampling instants the window holds
 * @param records the lag in records
 * @param seconds the lag in seconds, over the instants at which it was known (something stored)
 */
public record LagPercentiles(String job, String topic, Instant from, Instant to, int samples, Percentiles records,
                             Percentiles seconds) {

    /**
     * The 50th, 95th and 99th percentiles (nearest rank) and the largest of some values; all 0 for none.
     *
     * @param p50 half the values are at most this
     * @param p95 95 % are at most this
     * @param p99 99 % are at most this
     * @param max the largest
     */
    public record Percentiles(double p50, double p95, double p99, double max) {

        /** The percentiles of {@code values}, in any order. */
        public static Percentiles of(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            return new Percentiles(rank(sorted, 0.50), rank(sorted, 0.95), rank(sorted, 0.99),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
        }

        /** The nearest-rank percentile: the smallest value with at least {@code q} of them at or under it. */
        private static double rank(double[] sorted, double q) {
            return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
        }
    }
}
