package io.kafmirror.engine.restore;

import io.kafmirror.kfs.catalog.SegmentArchive;
import java.util.List;
import java.util.Map;

/**
 * Where source offsets of a restore plan land in its target: the i-th restored record of a partition is at the
 * target's start offset plus i (see {@link RestoreRun}), so a source offset maps to its start offset plus the
 * restored records before it, counted from the catalog and, at most, one chunk read per question.
 */
final class OffsetMap {

    private final SegmentArchive archive;
    private final RestoreTarget target;
    private final Map<Integer, List<StoredChunk>> chunks;
    private final long lowestTimestamp;

    /** The map of {@code plan} restored into {@code target}. */
    OffsetMap(SegmentArchive archive, RestorePlan plan, RestoreTarget target) {
        this.archive = archive;
        this.target = target;
        this.chunks = StoredChunk.byPartition(archive.catalog().segments(plan.request().cluster(), plan.request().topic()),
                plan.topicId());
        this.lowestTimestamp = plan.request().lowestTimestamp();
    }

    /**
     * The target offset of the first restored record of {@code cut} at or after {@code sourceOffset}: the start of
     * the restored partition for an offset before the cut, its end for one at or after the cut's end.
     */
    long targetOffset(PartitionCut cut, long sourceOffset) {
        long start = target.startOffsets().get(cut.partition());
        if (sourceOffset <= cut.firstOffset()) {
            return start;
        }
        if (sourceOffset >= cut.endOffset()) {
            return start + cut.records();
        }
        long before = 0;
        for (StoredChunk c : chunks.get(cut.partition())) {
            before += c.records(archive, cut.firstOffset(), sourceOffset, lowestTimestamp);
        }
        return start + before;
    }
}
