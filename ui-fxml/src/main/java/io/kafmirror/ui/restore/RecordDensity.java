package io.kafmirror.ui.restore;

import io.kafmirror.kfs.catalog.CatalogChunk;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * How many records a backup holds over time, in equal time buckets from its smallest to its largest stored timestamp.
 * Computed from the catalog alone: each chunk's record count is spread evenly over its time span, as the catalog knows
 * only a chunk's smallest and largest timestamps; no segment is read. Every stored record is counted once.
 */
public final class RecordDensity {

    private final long start;
    private final long end;
    private final long[] counts;

    private RecordDensity(long start, long end, long[] counts) {
        this.start = start;
        this.end = end;
        this.counts = counts;
    }

    /** The density of {@code chunks} in {@code buckets} buckets; an empty list gives an empty density at the epoch. */
    public static RecordDensity of(List<CatalogChunk> chunks, int buckets) {
        if (chunks.isEmpty()) {
            return new RecordDensity(0, 0, new long[buckets]);
        }
        long start = chunks.stream().mapToLong(CatalogChunk::minTimestamp).min().orElseThrow();
        long end = chunks.stream().mapToLong(CatalogChunk::maxTimestamp).max().orElseThrow();
        long[] counts = new long[buckets];
        // The buckets tile [start, end + 1 ms): a chunk of one timestamp still has a width of one millisecond.
        double width = (double) (end + 1 - start) / buckets;
        for (CatalogChunk c : chunks) {
            spread(c, start, width, counts);
        }
        return new RecordDensity(start, end, counts);
    }

    /**
     * Adds {@code c}'s records to the buckets its span overlaps, in proportion to the overlap. Rounding the running
     * total rather than each share keeps the sum exactly the chunk's count.
     */
    private static void spread(CatalogChunk c, long start, double width, long[] counts) {
        double from = c.minTimestamp() - start;
        double to = c.maxTimestamp() + 1 - start;
        int first = Math.min(counts.length - 1, (int) (from / width));
        int last = Math.min(counts.length - 1, (int) ((to - 1e-9) / width));
        long given = 0;
        for (int i = first; i <= last; i++) {
            double covered = Math.min(to, (i + 1) * width) - from;
            long upTo = i == last ? c.recordCount() : Math.round(c.recordCount() * covered / (to - from));
            counts[i] += upTo - given;
            given = upTo;
        }
    }

    /** The smallest stored timestamp. */
    public Instant start() {
        return Instant.ofEpochMilli(start);
    }

    /** The largest stored timestamp. */
    public Instant end() {
        return Instant.ofEpochMilli(end);
    }

    /** How many buckets there are. */
    public int buckets() {
        return counts.length;
    }

    /** The records of bucket {@code i}. */
    public long count(int i) {
        return counts[i];
    }

    /** The records of the fullest bucket. */
    public long max() {
        return Arrays.stream(counts).max().orElse(0);
    }

    /** The records of all buckets: the records stored. */
    public long total() {
        return Arrays.stream(counts).sum();
    }
}
