package io.kafmirror.engine.restore;

import io.kafmirror.engine.snapshot.SnapshotKey;
import java.util.List;

/**
 * Where consumer groups of a restored topic are to stand on the target, as of the restore point: what a dry run
 * prints and what {@link GroupOffsetCommitter} sets.
 *
 * @param snapshot    the group-offsets snapshot the offsets come from; its key says when it was taken
 * @param targetTopic the restored topic
 * @param groups      the groups, by source group name
 * @param warnings    plain sentences the operator should read (an old snapshot, offsets on partitions not restored)
 */
public record GroupOffsetTranslation(SnapshotKey snapshot, String targetTopic, List<TranslatedGroup> groups,
                                     List<String> warnings) {

    /** Copies the lists. */
    public GroupOffsetTranslation {
        groups = List.copyOf(groups);
        warnings = List.copyOf(warnings);
    }
}
