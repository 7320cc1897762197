package io.kafmirror.engine.state;

import java.time.Duration;
import java.time.Instant;

/**
 * A restore as the state database remembers it.
 *
 * @param id              its number, for {@code restore status} and {@code restore verify}
 * @param created         when it first started
 * @param updated         when it last changed
 * @param actor           the program that started it
 * @param spec            what it restores, and where
 * @param restoredRecords records in the target, as of the last update
 * @param state           how it stands
 * @param message         why it failed or was cancelled, or null
 * @param verification    the last verification, or null when never verified
 */
public record RestoreRecord(long id, Instant created, Instant updated, String actor, RestoreSpec spec, long restoredRecords,
                            RestoreState state, String message, Verification verification) {

    /**
     * Whether it is marked running but its program has not noted progress for {@link Heartbeat#SILENCE} at {@code now}:
     * killed, crashed or its machine stopped. Asking for it again resumes it.
     */
    public boolean silentAt(Instant now) {
        return state == RestoreState.RUNNING && Heartbeat.silent(updated, now);
    }

    /** How a restore stands. */
    public enum RestoreState {
        /** Writing, or interrupted without a word (killed): running the same restore again resumes it. */
        RUNNING,
        /** Every planned record is in the target. */
        COMPLETED,
        /** Stopped by the operator; running it again resumes it. */
        CANCELLED,
        /** Stopped on an error; running it again resumes it. */
        FAILED
    }

    /**
     * What reading the target back found.
     *
     * @param passed   whether every record matched
     * @param expected records the plan restores
     * @param found    records found in the target's restored range
     * @param duration how long the check took
     * @param detail   the first mismatch, or null
     */
    public record Verification(boolean passed, long expected, long found, Duration duration, String detail) {
    }
}
