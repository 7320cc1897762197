package io.kafmirror.engine.state;

import io.kafmirror.engine.config.DrillMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A restore drill as the state database holds it: what was drilled and how it ended, for the operator and the
 * evidence pack.
 *
 * @param id            the drill's number
 * @param job           the job whose backup was drilled
 * @param schedule      the schedule that ran it ({@code DrillSchedule#describe}), or null when run by hand
 * @param mode          restore into a scratch topic, or verify the stored segments
 * @param sourceCluster the backed-up cluster
 * @param store         the store read
 * @param targetCluster the cluster of the scratch topics; null for a verify drill
 * @param topics        the source topics drilled
 * @param restorePoint  the point restored or verified up to
 * @param startedAt     when it started
 * @param finishedAt    when it ended; null while it runs (or when it was killed)
 * @param lastSign      when its program last noted that it ran (its heartbeat), or when it ended; its start for a drill
 *                      recorded before schema version 8
 * @param state         running, passed, failed, or stopped (marked running but silent)
 * @param records       records restored and read back, or verified in the stored segments
 * @param bytes         bytes read from the store: the plan's compressed bytes, or the verified segments' sizes
 * @param finding       why it failed, naming topic, segment, partition and offset, or since when it is stopped; null
 *                      when it passed
 * @param leftover      scratch topics it could not delete, for the operator to delete; null when none
 * @param actor         the program that ran it (cli, run, console)
 */
public record DrillRecord(long id, String job, String schedule, DrillMode mode, String sourceCluster, String store,
                          String targetCluster, List<String> topics, Instant restorePoint, Instant startedAt,
                          Instant finishedAt, Instant lastSign, DrillState state, long records, long bytes, String finding,
                          String leftover, String actor) {

    /** How a drill stands. */
    public enum DrillState {
        /** Started and not ended, its program noting that it runs. */
        RUNNING,
        /** Every record restored and read back (or verified) equals the backup. */
        PASSED,
        /** Something did not: see the finding. */
        FAILED,
        /**
         * Marked running, but its program has noted nothing for {@link Heartbeat#SILENCE}: it was killed or crashed, and
         * the drill never ended. Judged when read, never stored (the row stays {@code RUNNING}).
         */
        STOPPED
    }

    /** Copies the topics. */
    public DrillRecord {
        topics = List.copyOf(topics);
    }

    /** Whether the drill passed. */
    public boolean passed() {
        return state == DrillState.PASSED;
    }

    /** How long it took; zero while it runs. */
    public Duration duration() {
        return finishedAt == null ? Duration.ZERO : Duration.between(startedAt, finishedAt);
    }
}
