package io.kafmirror.engine.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one round of snapshots stored, and what it could not take or left out, in words for the operator.
 *
 * @param finishedAt when the round ended; the next round is due one interval later ({@link SnapshotSchedule#taken})
 * @param stored     the snapshots stored, at most one per kind
 * @param problems   each kind not taken and each topic or group left out, saying why and what to do
 */
public record SnapshotOutcome(Instant finishedAt, List<SnapshotKey> stored, List<Problem> problems) {

    /**
     * Something a round could not capture.
     *
     * @param kind    the snapshot it concerns
     * @param message what is missing, why, and what the operator can do
     */
    public record Problem(SnapshotKind<?> kind, String message) {

        public Problem {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }
    }

    public SnapshotOutcome {
        Objects.requireNonNull(finishedAt, "finishedAt");
        stored = List.copyOf(stored);
        problems = List.copyOf(problems);
    }

    /** Whether every kind was stored with everything in it. */
    public boolean complete() {
        return problems.isEmpty();
    }
}
