package io.kafmirror.engine.restore;

import java.util.List;
import java.util.UUID;

/**
 * What a restore will do, computed from the segment indexes alone: per partition the offsets, records
 * and segments it takes, and what the operator should know before running it.
 *
 * @param request  what was asked
 * @param topicId  the generation restored
 * @param cuts     one cut per restored partition, by partition
 * @param warnings plain sentences about the backup around the restore point (generations, its end), never errors
 */
public record RestorePlan(RestoreRequest request, UUID topicId, List<PartitionCut> cuts, List<String> warnings) {

    /** Copies the lists. */
    public RestorePlan {
        cuts = List.copyOf(cuts);
        warnings = List.copyOf(warnings);
    }

    /** Records restored over all partitions. */
    public long records() {
        return cuts.stream().mapToLong(PartitionCut::records).sum();
    }

    /** Compressed bytes read over all partitions. */
    public long bytes() {
        return cuts.stream().mapToLong(PartitionCut::bytes).sum();
    }
}
