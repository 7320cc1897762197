package io.kafmirror.engine.snapshot;

import io.kafmirror.engine.mirror.SourceAccessException;
import io.kafmirror.kfs.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one round of snapshots of a job's source cluster: the mirrored topics' metadata, then the committed
 * offsets of the consumer groups on them, each stored through a {@link SnapshotWriter} (see {@code docs/snapshots.md}).
 *
 * <p>A snapshot is side work of a backup and never stops it: {@link #take} does not throw for an unreachable or
 * refusing source or a failing store, it reports in its {@link SnapshotOutcome}. A kind that cannot be taken is
 * not stored that round; a topic or group the backup user may not describe is left out of an otherwise complete
 * snapshot, as Kafka itself leaves out groups the user may not see when listing them.
 */
public final class SnapshotTaker {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotTaker.class);

    private final TopicMetadataQuery topics;
    private final GroupOffsetsQuery groups;
    private final SnapshotWriter writer;
    private final Duration timeout;
    private final Clock clock;

    /**
     * A taker asking {@code admin} (the caller keeps and closes it) about the topics {@code mirrored} accepts,
     * storing through {@code writer}, waiting at most {@code timeout} for the cluster's answers per kind.
     */
    public SnapshotTaker(Admin admin, Predicate<String> mirrored, SnapshotWriter writer, Duration timeout, Clock clock) {
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(mirrored, "mirrored");
        this.topics = new TopicMetadataQuery(admin, mirrored);
        this.groups = new GroupOffsetsQuery(admin, mirrored);
        this.writer = Objects.requireNonNull(writer, "writer");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Takes and stores a topics snapshot and a group-offsets snapshot, and says what it stored and what it could not. */
    public SnapshotOutcome take() {
        List<Snapshot<?>> taken = new ArrayList<>();
        List<SnapshotOutcome.Problem> problems = new ArrayList<>();
        takeOne(SnapshotKind.TOPICS, topics::fetch, taken, problems);
        takeOne(SnapshotKind.GROUP_OFFSETS, groups::fetch, taken, problems);
        SnapshotOutcome outcome = new SnapshotOutcome(clock.instant(), taken, problems);
        outcome.problems().forEach(problem -> LOG.warn("Snapshot of {}: {}", writer.cluster(), problem.message()));
        return outcome;
    }

    private <B extends SnapshotBody> void takeOne(SnapshotKind<B> kind, BiFunction<AdminAnswers, Consumer<String>, B> query,
                                                  List<Snapshot<?>> taken, List<SnapshotOutcome.Problem> problems) {
        try {
            B body = query.apply(new AdminAnswers(timeout), leftOut -> problems.add(new SnapshotOutcome.Problem(kind, leftOut)));
            // Read after the last answer arrived, so every value in the body was in effect at takenAt.
            taken.add(writer.write(body, clock.instant()));
        } catch (SourceAccessException e) {
            problems.add(new SnapshotOutcome.Problem(kind, "No " + kind + " snapshot was taken this time: " + e.getMessage()));
        } catch (StoreException e) {
            problems.add(new SnapshotOutcome.Problem(kind, "The " + kind + " snapshot could not be stored: " + e.getMessage()));
        }
    }
}
