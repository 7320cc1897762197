package io.kafmirror.bench;

import java.util.Arrays;

/**
 * One partition's log as generated, reduced to what the restore point rule needs: each record's offset and the largest
 * timestamp up to and including it. From these the cut at any time follows by a binary search, with no segment read:
 * the reference that the planner's cuts are checked against.
 */
final class PartitionTimeline {

    /**
     * The cut at a time by the rule of {@code docs/restore.md}.
     *
     * @param endOffset the first offset not restored: that of the first record whose max-timestamp-so-far exceeds the
     *                  time, or one past the last record
     * @param records   the records before it
     */
    record Cut(long endOffset, long records) {
    }

    private long[] offsets = new long[1 << 16];
    private long[] maxSoFar = new long[1 << 16];
    private int size;

    /** Adds the next record of the partition (offsets increase). */
    void add(long offset, long timestamp) {
        if (size == offsets.length) {
            offsets = Arrays.copyOf(offsets, size * 2);
            maxSoFar = Arrays.copyOf(maxSoFar, size * 2);
        }
        offsets[size] = offset;
        maxSoFar[size] = size == 0 ? timestamp : Math.max(maxSoFar[size - 1], timestamp);
        size++;
    }

    /** The cut at {@code millis}. */
    Cut cutAt(long millis) {
        // maxSoFar never decreases: find the first record whose max-timestamp-so-far exceeds millis.
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (maxSoFar[mid] > millis) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return new Cut(lo == size ? offsets[size - 1] + 1 : offsets[lo], lo);
    }

    /** The offset of the first record. */
    long firstOffset() {
        return offsets[0];
    }

    /** The timestamp of the first record, which is also its max-timestamp-so-far. */
    long firstTimestamp() {
        return maxSoFar[0];
    }

    /** The largest timestamp of the partition. */
    long lastTimestamp() {
        return maxSoFar[size - 1];
    }

    long records() {
        return size;
    }
}
