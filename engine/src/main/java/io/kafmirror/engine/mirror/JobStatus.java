package io.kafmirror.engine.mirror;

import java.time.Instant;

/**
 * What a backup job is doing.
 *
 * @param state     running, failing (waiting to restart) or stopped
 * @param since     when it started running, or when the last failure happened
 * @param lastError why it failed, or {@code null}
 * @param retryAt   when a failing job restarts, or {@code null}
 */
public record JobStatus(State state, Instant since, String lastError, Instant retryAt) {

    /** The states of a job. */
    public enum State {
        /** Mirroring. */
        RUNNING,
        /** Stopped on an error; restarts at {@link #retryAt}. */
        FAILING,
        /** Not running. */
        STOPPED
    }

    static JobStatus running(Instant since) {
        return new JobStatus(State.RUNNING, since, null, null);
    }

    static JobStatus failing(Instant at, String error, Instant retryAt) {
        return new JobStatus(State.FAILING, at, error, retryAt);
    }

    static JobStatus stopped() {
        return new JobStatus(State.STOPPED, null, null, null);
    }
}
