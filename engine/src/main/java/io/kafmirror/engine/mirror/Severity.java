package io.kafmirror.engine.mirror;

/**
 * How much a {@link MirrorEvent} matters to the backup, most first. The console colours its markers and alerts by it and
 * counts the open {@link #CRITICAL} alerts in its status bar; docs/anomalies.md lists the severity of every type.
 */
public enum Severity {
    /** The backup has or may soon have a hole, or stopped, or data only the backup still holds may be lost: someone must look now. */
    CRITICAL,
    /** The backup goes on, but differently than before, or a consumer may have read records twice: look today. */
    WARNING,
    /** A change someone made, or the engine following the source: worth knowing, nothing to do. */
    INFO
}
