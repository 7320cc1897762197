package io.kafmirror.engine.restore;

import java.util.Map;

/**
 * Where a plan is restored to.
 *
 * @param topic      the target topic; each source partition goes to the same partition number
 * @param startOffsets per partition, the target's end offset when this restore first began: the records of the cut
 *                   are written from there, so on a resume the target's end offset says how many already are
 */
public record RestoreTarget(String topic, Map<Integer, Long> startOffsets) {

    /** Copies the offsets. */
    public RestoreTarget {
        startOffsets = Map.copyOf(startOffsets);
    }
}
