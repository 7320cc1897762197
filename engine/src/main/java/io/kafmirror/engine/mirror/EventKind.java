package io.kafmirror.engine.mirror;

/** Whether a {@link MirrorEvent} is news an operator must see (an alert to acknowledge or mute) or the engine reporting its routine. */
public enum EventKind {
    /** Something went wrong or changed unexpectedly: listed as an alert until acknowledged or muted. */
    ANOMALY,
    /** Growth the job was set up to follow, or the end of an earlier anomaly: history only, never an alert. */
    ROUTINE
}
