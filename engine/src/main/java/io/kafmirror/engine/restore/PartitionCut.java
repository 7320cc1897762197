package io.kafmirror.engine.restore;

import java.util.List;

/**
 * What a restore takes of one partition: the stored records from {@code firstOffset} up to, not
 * including, {@code endOffset}.
 *
 * @param partition   the source partition, restored into the same partition number
 * @param firstOffset the first offset restored
 * @param endOffset   the first offset not restored; equal to {@code firstOffset} when nothing is
 * @param records     how many records are restored (fewer than the offset span on compacted topics, and under strict
 *                    timestamps)
 * @param bytes       the compressed bytes of the chunks read, the partly read ones prorated by records
 * @param segments    the keys of the segments to read, in offset order
 */
public record PartitionCut(int partition, long firstOffset, long endOffset, long records, long bytes, List<String> segments) {

    /** Copies the segment list. */
    public PartitionCut {
        segments = List.copyOf(segments);
    }

    /** A partition of which nothing is restored. */
    static PartitionCut empty(int partition, long at) {
        return new PartitionCut(partition, at, at, 0, 0, List.of());
    }

    /** Whether nothing of the partition is restored. */
    public boolean isEmpty() {
        return records == 0;
    }
}
