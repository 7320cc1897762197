package io.kafmirror.ui.restore;

import io.kafmirror.engine.restore.PartitionCut;

/**
 * One partition's line of the cut table.
 *
 * @param partition   the partition
 * @param firstOffset the first offset restored
 * @param cutOffset   the first offset not restored
 * @param records     the records restored
 * @param bytes       the stored bytes read
 */
public record CutRow(int partition, long firstOffset, long cutOffset, long records, long bytes) {

    /** The row of {@code cut}. */
    public static CutRow of(PartitionCut cut) {
        return new CutRow(cut.partition(), cut.firstOffset(), cut.endOffset(), cut.records(), cut.bytes());
    }
}
