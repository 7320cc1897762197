package io.kafmirror.engine.restore;

import io.kafmirror.engine.state.AuditOutcome;
import io.kafmirror.engine.state.Heartbeat;
import io.kafmirror.engine.state.RestoreLog;
import io.kafmirror.engine.state.RestoreRecord;
import io.kafmirror.engine.state.RestoreRecord.RestoreState;
import io.kafmirror.engine.state.RestoreSpec;
import io.kafmirror.kfs.catalog.SegmentArchive;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.admin.Admin;

/**
 * A restore from start to verification, recorded in the state database: asking for a restore that
 * was interrupted (cancelled, failed, killed) resumes it with the cut and target offsets it began with,
 * so its records are written once. What {@code kaf-mirror restore} and the console's Restore view run.
 */
public final class RestoreSession {

    // A group-offsets snapshot this much older than the restore point gets a warning: offsets may have moved since.
    private static final Duration STALE_SNAPSHOT = Duration.ofHours(1);
    private static final Duration GROUP_COMMIT_TIMEOUT = Duration.ofSeconds(30);

    private final SegmentArchive archive;
    private final String store;
    private final RestoreLog log;
    private final Clock clock;

    /** A session reading {@code archive} (the configured store {@code store}), recording in {@code log}. */
    public RestoreSession(SegmentArchive archive, String store, RestoreLog log, Clock clock) {
        this.archive = archive;
        this.store = store;
        this.log = log;
        this.clock = clock;
    }

    /**
     * A restore under way: its record, the plan it carries out, where it writes and what the operator should know.
     *
     * @param resumed whether it continues an interrupted restore instead of starting a new one
     */
    public record Started(RestoreRecord record, RestorePlan plan, RestoreTarget target, List<String> warnings, boolean resumed) {
    }

    /**
     * Resumes the unfinished restore that is the same as {@code plan} into {@code targetTopic} of {@code targetCluster},
     * or prepares the target (creating the topic if needed) and records a new restore.
     */
    public Started start(RestorePlan plan, String pointText, String targetCluster, Properties targetClient, String targetTopic,
                         TargetOptions options) throws InterruptedException {
        RestoreSpec asked = spec(plan, pointText, targetCluster, targetTopic, Map.of());
        log.authorize(asked);
        Optional<RestoreRecord> unfinished = log.unfinished(asked);
        if (unfinished.isPresent()) {
            RestoreRecord record = unfinished.get();
            Started resumed = reopen(record);
            return new Started(record, resumed.plan(), resumed.target(), List.of("Resuming restore #" + record.id() + " ("
                    + record.state().name().toLowerCase() + ", " + record.restoredRecords() + " of "
                    + record.spec().plannedRecords() + " records in the target)."), true);
        }
        PreparedTarget prepared;
        try (Admin admin = Admin.create(targetClient)) {
            prepared = new TargetTopic(admin, targetTopic, clock).prepare(plan, SourceTopic.of(plan, archive, clock), options);
        } catch (RuntimeException e) {
            try {
                log.notBegun(asked, e instanceof TargetTopicException ? AuditOutcome.REFUSED : AuditOutcome.FAILED, e.getMessage());
            } catch (RuntimeException notRecorded) {
                e.addSuppressed(notRecorded);
            }
            throw e;
        }
        RestoreRecord record = log.begin(spec(plan, pointText, targetCluster, targetTopic, prepared.target().startOffsets()));
        return new Started(record, plan, prepared.target(), prepared.warnings(), false);
    }

    /** The recorded restore {@code record} as it was planned, to resume or verify it: its cut comes from the record. */
    public Started reopen(RestoreRecord record) {
        RestoreSpec spec = record.spec();
        RestorePlan plan = new RestorePlanner(archive).plan(new RestoreRequest(spec.sourceCluster(), spec.topic(),
                new RestorePoint.AtOffsets(spec.cutEnds()), spec.from(), Set.copyOf(spec.cutEnds().keySet()), spec.topicId(),
                spec.strictTimestamps()));
        return new Started(record, plan, new RestoreTarget(spec.targetTopic(), spec.startOffsets()), List.of(), true);
    }

    /**
     * Writes what is not yet in the target, recording progress and how it ended; {@code running} receives the run
     * as it starts, for progress and cancelling. A failure is recorded and thrown.
     */
    public RestoreRecord run(Started started, Properties targetClient, long maxBytesPerSecond, Consumer<RestoreRun> running)
            throws InterruptedException {
        long id = started.record().id();
        RestoreRun run = new RestoreRun(archive, started.plan(), targetClient, started.target(), maxBytesPerSecond, clock);
        running.accept(run);
        long before = started.record().restoredRecords();
        // Progress noted in the database lets other programs see it advance, and tell a killed restore (silent) from this one.
        Heartbeat heartbeat = Heartbeat.start("Restore #" + id, () -> log.stillRunning(id, restored(run, before)));
        try {
            RestoreOutcome outcome = run.run();
            log.update(id, outcome.records(), outcome.completed() ? RestoreState.COMPLETED : RestoreState.CANCELLED,
                    outcome.completed() ? null : "cancelled; run the same restore again to resume it");
        } catch (RuntimeException e) {
            log.update(id, restored(run, before), RestoreState.FAILED, e.getMessage());
            throw e;
        } finally {
            heartbeat.stop();
        }
        return log.get(id);
    }

    /** Records in the target: as the run counts them, or {@code before} it wrote any. */
    private static long restored(RestoreRun run, long before) {
        RestoreProgress progress = run.progress();
        return progress == null ? before : progress.records();
    }

    /**
     * Sets {@code groups} (empty: every group with offsets on the topic) on the target where they stood at the restore
     * point, translated into the target's offsets; each group must be empty on the target. Returns what was set.
     */
    public GroupOffsetTranslation moveGroups(Started started, Properties targetClient, Set<String> groups)
            throws InterruptedException {
        GroupOffsetTranslation translation = new GroupOffsetTranslator(archive, STALE_SNAPSHOT)
                .translate(started.plan(), started.target(), groups, UnaryOperator.identity());
        try (Admin admin = Admin.create(targetClient)) {
            new GroupOffsetCommitter(admin, GROUP_COMMIT_TIMEOUT).commit(translation);
        }
        return translation;
    }

    /**
     * Reads the target back and compares it with the plan; the result is recorded with the restore. A target cluster that
     * does not answer, or a restored topic deleted since, is a {@link RestoreFailedException} saying so, nothing recorded.
     */
    public RestoreVerification verify(Started started, Properties targetClient) throws InterruptedException {
        RestoreSpec spec = started.record().spec();
        new RestoredTopic(spec.targetCluster(), targetClient, started.target().topic(), started.record().id()).requirePresent();
        RestoreVerification v = new RestoreVerifier(archive, started.plan(), targetClient, started.target(), clock).verify();
        long found = v.partitions().stream().mapToLong(RestoreVerification.Partition::found).sum();
        log.verified(started.record().id(), new RestoreRecord.Verification(v.passed(), started.plan().records(), found,
                v.duration(), v.firstMismatch() == null ? null : v.firstMismatch().toString()));
        return v;
    }

    private RestoreSpec spec(RestorePlan plan, String pointText, String targetCluster, String targetTopic,
                             Map<Integer, Long> startOffsets) {
        Map<Integer, Long> ends = new TreeMap<>();
        plan.cuts().forEach(cut -> ends.put(cut.partition(), cut.endOffset()));
        RestoreRequest r = plan.request();
        return new RestoreSpec(r.cluster(), store, r.topic(), plan.topicId(), pointText, r.from(), r.strictTimestamps(),
                targetCluster, targetTopic, ends, startOffsets, plan.records());
    }
}
