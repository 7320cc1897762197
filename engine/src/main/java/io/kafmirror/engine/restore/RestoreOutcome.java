package io.kafmirror.engine.restore;

import java.time.Duration;
import java.util.Map;

/**
 * How a restore run ended.
 *
 * @param completed  whether every planned record is in the target (false: cancelled; run it again to resume)
 * @param records    records in the target from this restore, those of earlier interrupted runs included
 * @param bytes      bytes of key, value and headers written by this run
 * @param duration   how long this run took
 * @param endOffsets per partition, the target's end offset when the run ended
 */
public record RestoreOutcome(boolean completed, long records, long bytes, Duration duration, Map<Integer, Long> endOffsets) {

    /** Copies the offsets. */
    public RestoreOutcome {
        endOffsets = Map.copyOf(endOffsets);
    }
}
