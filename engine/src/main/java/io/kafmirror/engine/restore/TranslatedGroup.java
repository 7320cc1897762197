package io.kafmirror.engine.restore;

import java.util.List;

/**
 * One consumer group's position on the restored topic.
 *
 * @param sourceGroup the group on the source cluster, as the snapshot names it
 * @param targetGroup the group whose offsets are set on the target cluster
 * @param offsets     its offsets, by partition
 */
public record TranslatedGroup(String sourceGroup, String targetGroup, List<TranslatedOffset> offsets) {

    /** Copies the offsets. */
    public TranslatedGroup {
        offsets = List.copyOf(offsets);
    }
}
