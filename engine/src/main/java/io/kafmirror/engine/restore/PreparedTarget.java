package io.kafmirror.engine.restore;

import java.util.List;

/**
 * A target topic ready for a restore.
 *
 * @param target   the topic and the offsets the restore writes each partition from, for {@link RestoreRun}
 * @param created  whether the topic was created for this restore
 * @param warnings plain sentences about what differs from the source topic, for the operator
 */
public record PreparedTarget(RestoreTarget target, boolean created, List<String> warnings) {

    /** Copies the warnings. */
    public PreparedTarget {
        warnings = List.copyOf(warnings);
    }
}
