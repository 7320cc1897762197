package io.kafmirror.engine.state;

/** What the operator wants a job to do; {@code kaf-mirror run} and the console act on it. */
public enum DesiredState {
    /** Mirror the job's topics. */
    RUNNING,
    /** Not mirrored for a while, e.g. during a source maintenance window; the console shows it as paused, not as ended. */
    PAUSED,
    /** Not mirrored: the job is kept, with its history, but not meant to run. */
    STOPPED
}
