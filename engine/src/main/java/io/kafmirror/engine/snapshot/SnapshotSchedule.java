package io.kafmirror.engine.snapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * When a job's next round of snapshots is due: one interval after the last round. On start the last round is the
 * latest snapshot already in the store, so a restarted job waits out the interval instead of snapshotting at once.
 * Used by the one thread that takes the snapshots.
 */
public final class SnapshotSchedule {

    private final Duration interval;
    private Instant last;

    private SnapshotSchedule(Duration interval, Instant last) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("The snapshot interval must be positive, not " + interval);
        }
        this.interval = interval;
        this.last = last;
    }

    /**
     * The schedule of a job starting at {@code now} with snapshots every {@code interval} (the job's
     * {@code snapshot_interval}), continuing from the latest snapshot of any kind in {@code history}.
     */
    public static SnapshotSchedule resume(SnapshotHistory history, Duration interval, Instant now) {
        Optional<Instant> latest = Stream.of(SnapshotKind.TOPICS, SnapshotKind.GROUP_OFFSETS)
                .map(kind -> history.latestAtOrBefore(kind, now)).flatMap(Optional::stream)
                .map(SnapshotKey::takenAt).max(Comparator.naturalOrder());
        return new SnapshotSchedule(interval, latest.orElse(null));
    }

    /** Whether a round is due at {@code now}: always when none was taken yet. */
    public boolean isDue(Instant now) {
        return dueIn(now).isZero();
    }

    /** How long from {@code now} until the next round is due; zero when it is due. */
    public Duration dueIn(Instant now) {
        if (last == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, last.plus(interval));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Notes a round that ended at {@code finishedAt} ({@link SnapshotOutcome#finishedAt}), whatever it stored. */
    public void taken(Instant finishedAt) {
        this.last = Objects.requireNonNull(finishedAt, "finishedAt");
    }
}
