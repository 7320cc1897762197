package io.kafmirror.engine.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one round of snapshots stored, and what it could not take or left out, in words for the operator.
 *
 * @param finishedAt when the round ended; the next round is due one interval later ({@link SnapshotSchedule#taken})
 * @param taken      the snapshots stored, at most one per kind
 * @param problems   each kind not taken and each topic or group left out, saying why and what to do
 */
public record SnapshotOutcome(Instant finishedAt, List<Snapshot<?>> taken, List<Problem> problems) {

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
        taken = List.copyOf(taken);
        problems = List.copyOf(problems);
    }

    /** The keys of the snapshots stored. */
    public List<SnapshotKey> stored() {
        return taken.stream().map(Snapshot::key).toList();
    }

    /** The snapshot of {@code kind} stored this round, if one was. */
    @SuppressWarnings("unchecked") // a snapshot's body is of its key's kind (Snapshot checks it), so of B
    public <B extends SnapshotBody> Optional<Snapshot<B>> taken(SnapshotKind<B> kind) {
        return taken.stream().filter(s -> s.key().kind() == kind).map(s -> (Snapshot<B>) s).findFirst();
    }

    /** Whether {@code kind} was not taken, or left out a topic or group it may not describe. */
    public boolean incomplete(SnapshotKind<?> kind) {
        return problems.stream().anyMatch(p -> p.kind() == kind);
    }

    /** Whether every kind was stored with everything in it. */
    public boolean complete() {
        return problems.isEmpty();
    }
}
