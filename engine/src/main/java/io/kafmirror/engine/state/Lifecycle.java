package io.kafmirror.engine.state;

/** Changes to a job made by someone, as opposed to the {@link io.kafmirror.engine.mirror.MirrorEvent}s its engine notices. */
public enum Lifecycle {
    /** The job was added; the entry's detail is its configuration as YAML. */
    JOB_ADDED,
    /** The job's configuration was replaced; the entry's detail is the new configuration as YAML. */
    JOB_UPDATED,
    /** The job's desired state became {@link DesiredState#PAUSED}. */
    JOB_PAUSED,
    /** The job's desired state became {@link DesiredState#RUNNING}. */
    JOB_RESUMED,
    /** The job's desired state became {@link DesiredState#STOPPED}. */
    JOB_STOPPED,
    /** The job was removed; its history stays. */
    JOB_REMOVED,
    /** An engine started mirroring the job. */
    RUN_STARTED,
    /** An engine stopped mirroring the job (paused, stopped, or shut down). */
    RUN_STOPPED,
    /** Someone acknowledged one of the job's alerts; the message names the alert, the user and their comment. */
    ALERT_ACKNOWLEDGED,
    /** Someone muted the job's alerts of a type; the message names the type, the topic, the user and how long. */
    ALERTS_MUTED,
    /** Someone ended a mute of the job's alerts before its time. */
    ALERTS_UNMUTED
}
