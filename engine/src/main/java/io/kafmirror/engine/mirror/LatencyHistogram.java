package io.kafmirror.engine.mirror;

/**
 * Counts latencies in buckets that grow by about 10 % each, from 1 ms to over a day, so percentiles
 * cost a few kilobytes however many records pass and are accurate to the bucket width.
 */
final class LatencyHistogram {

    private static final double GROWTH = 1.1;
    private static final int BUCKETS = 200;
    private final long[] counts = new long[BUCKETS];
    private long total;

    /** Counts one latency of {@code millis} (negative values, from skewed producer clocks, count as 0). */
    void record(long millis) {
        counts[bucket(millis)]++;
        total++;
    }

    /** Whether nothing was recorded. */
    boolean isEmpty() {
        return total == 0;
    }

    /** The latency below which a {@code quantile} (0..1) of the recorded ones fall: the upper bound of its bucket. */
    long percentile(double quantile) {
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= Math.max(1, rank)) {
                return upperBound(i);
            }
        }
        return upperBound(BUCKETS - 1);
    }

    /** Forgets everything recorded, to start the next interval. */
    void clear() {
        java.util.Arrays.fill(counts, 0);
        total = 0;
    }

    private static int bucket(long millis) {
        if (millis <= 1) {
            return 0;
        }
        int i = (int) Math.ceil(Math.log(millis) / Math.log(GROWTH));
        return Math.min(i, BUCKETS - 1);
    }

    private static long upperBound(int bucket) {
        return bucket == 0 ? 1 : (long) Math.floor(Math.pow(GROWTH, bucket));
    }
}
