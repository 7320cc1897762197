package io.kafmirror.engine.drill;

import io.kafmirror.engine.config.DrillMode;
import io.kafmirror.engine.mirror.MirrorEvent;
import io.kafmirror.engine.mirror.MirrorListener;
import io.kafmirror.engine.restore.PartitionCut;
import io.kafmirror.engine.restore.RestorePlan;
import io.kafmirror.engine.restore.RestorePlanner;
import io.kafmirror.engine.restore.RestorePoint;
import io.kafmirror.engine.restore.RestoreRequest;
import io.kafmirror.engine.restore.RestoreSession;
import io.kafmirror.engine.restore.RestoreVerification;
import io.kafmirror.engine.restore.TargetOptions;
import io.kafmirror.engine.state.AuditAction;
import io.kafmirror.engine.state.DrillRecord;
import io.kafmirror.engine.state.Heartbeat;
import io.kafmirror.engine.state.RestoreRecord;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.kfs.catalog.CatalogEntry;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.catalog.StoreSegmentSource;
import io.kafmirror.kfs.format.CorruptSegmentException;
import io.kafmirror.kfs.format.SegmentVerifier;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs a restore drill and records it: plans each topic as of now with the restore planner, then either restores it
 * into a scratch topic through a {@link RestoreSession} (recorded as a restore too), reads it back against the backup
 * and deletes the scratch topics, passed or not; or verifies every stored segment of the plan end to end (each CRC,
 * index and statistic, and its SHA-256 against the catalog) without producing. The drill stops at the first topic
 * that fails; its finding says where, and the job's history gets {@code DRILL_PASSED} or {@code DRILL_FAILED}.
 */
public final class DrillRun {

    private final SegmentArchive archive;
    private final StateDatabase state;
    private final Function<String, MirrorListener> events;
    private final Clock clock;

    /**
     * Drills of the backups in {@code archive}, recorded in {@code state}; a job's {@code DRILL_PASSED} or
     * {@code DRILL_FAILED} goes to {@code events} of the job (its history, and the alert hooks when running).
     */
    public DrillRun(SegmentArchive archive, StateDatabase state, Function<String, MirrorListener> events, Clock clock) {
        this.archive = archive;
        this.state = state;
        this.events = events;
        this.clock = clock;
    }

    /** Runs {@code request} now and returns how it ended, as recorded. */
    public DrillRecord run(DrillRequest request) throws InterruptedException {
        state.require(AuditAction.DRILL_RUN, request.job());
        Instant point = clock.instant();
        boolean restore = request.mode() == DrillMode.RESTORE;
        DrillRecord begun = state.drills().begin(request.job(), request.schedule(), request.mode(), request.sourceCluster(),
                request.store(), restore ? request.targetCluster() : null, request.topics(), point);
        Tally tally = new Tally();
        String leftover = null;
        // Noting that it runs lets other programs tell it from a drill whose program was killed (silent, read as stopped).
        Heartbeat heartbeat = Heartbeat.start("Drill #" + begun.id(), () -> state.drills().stillRunning(begun.id()));
        try {
            if (restore) {
                leftover = restore(request, begun.id(), point, tally);
            } else {
                verify(request, point, tally);
            }
        } finally {
            heartbeat.stop();
        }
        String finding = tally.finding;
        if (finding == null && leftover != null) {
            finding = "The drill passed, but its scratch topics " + leftover + " on " + request.targetCluster()
                    + " could not be deleted: delete them by hand.";
        }
        DrillRecord done = state.drills().finish(begun.id(), tally.finding == null, tally.records, tally.bytes, finding, leftover);
        events.apply(request.job()).event(event(done));
        return done;
    }

    /** Restores each topic into a scratch topic and reads it back, then deletes them; returns those it could not delete. */
    private String restore(DrillRequest request, long id, Instant point, Tally tally) throws InterruptedException {
        ScratchTopics scratch = new ScratchTopics(request.targetClient());
        List<String> left;
        try {
            restoreEach(request, id, point, scratch, tally);
        } finally {
            left = scratch.deleteAll();
        }
        return left.isEmpty() ? null : String.join(",", left);
    }

    private void restoreEach(DrillRequest request, long id, Instant point, ScratchTopics scratch, Tally tally)
            throws InterruptedException {
        RestoreSession session = new RestoreSession(archive, request.store(), state.restores(), clock);
        eachTopic(request, tally, topic -> {
            String scratchTopic = scratch.of(id, topic);
            RestorePlan plan = plan(request, topic, point);
            RestoreSession.Started started = session.start(plan, point.toString(), request.targetCluster(),
                    request.targetClient(), scratchTopic, TargetOptions.asStored());
            RestoreRecord done = session.run(started, request.targetClient(), 0, run -> { });
            if (done.state() != RestoreRecord.RestoreState.COMPLETED) {
                return "Topic " + topic + ": the restore into " + scratchTopic + " ended " + done.state() + ": "
                        + done.message();
            }
            RestoreVerification v = session.verify(started, request.targetClient());
            if (!v.passed()) {
                return Finding.mismatch(topic, scratchTopic, v.firstMismatch());
            }
            tally.add(plan.records(), plan.bytes());
            return null;
        });
    }

    private void verify(DrillRequest request, Instant point, Tally tally) throws InterruptedException {
        eachTopic(request, tally, topic -> {
            RestorePlan plan = plan(request, topic, point);
            Set<String> keys = new LinkedHashSet<>();
            plan.cuts().stream().map(PartitionCut::segments).forEach(keys::addAll);
            long bytes = 0;
            for (String key : keys) {
                SegmentVerifier.VerifiedSegment segment = SegmentVerifier.verify(
                        StoreSegmentSource.open(archive.store(), key, SegmentArchive.TAIL_READ));
                Optional<String> catalogued = archive.catalog().find(key).map(CatalogEntry::sha256);
                if (catalogued.isPresent() && !catalogued.get().equals(segment.sha256())) {
                    return "Topic " + topic + ": segment '" + key + "' is valid inside, but its SHA-256 is "
                            + segment.sha256() + ", not the catalogued " + catalogued.get() + ": the object was replaced.";
                }
                bytes += segment.size();
            }
            tally.add(plan.records(), bytes);
            return null;
        });
    }

    /** Drills each topic in turn until one fails; what stopped it becomes the finding. */
    private void eachTopic(DrillRequest request, Tally tally, TopicDrill drill) throws InterruptedException {
        for (String topic : request.topics()) {
            try {
                String finding = drill.run(topic);
                if (finding != null) {
                    tally.fail(finding);
                    return;
                }
            } catch (CorruptSegmentException e) {
                tally.fail(Finding.corrupt(topic, e, archive.catalog()));
                return;
            } catch (RuntimeException e) {
                tally.fail(Finding.failed(topic, e));
                return;
            }
        }
    }

    /** The drill of one topic: null when it passed, else the finding. */
    private interface TopicDrill {
        String run(String topic) throws InterruptedException;
    }

    private RestorePlan plan(DrillRequest request, String topic, Instant point) {
        return new RestorePlanner(archive).plan(RestoreRequest.of(request.sourceCluster(), topic, new RestorePoint.AtTime(point)));
    }

    private MirrorEvent event(DrillRecord d) {
        String what = d.mode() == DrillMode.RESTORE ? "Restore drill #" + d.id() + " of " + String.join(", ", d.topics())
                + " into " + d.targetCluster() : "Verify drill #" + d.id() + " of " + String.join(", ", d.topics());
        if (d.passed()) {
            return new MirrorEvent(MirrorEvent.Type.DRILL_PASSED, d.finishedAt(), null, -1, what + " passed: " + d.records()
                    + " records as of " + d.restorePoint() + " equal the backup, in " + d.duration().toMillis() + " ms.");
        }
        return new MirrorEvent(MirrorEvent.Type.DRILL_FAILED, d.finishedAt(), null, -1, what + " FAILED: " + d.finding());
    }

    /** What the drill has counted so far, and its first finding. */
    private static final class Tally {
        long records;
        long bytes;
        String finding;

        void add(long moreRecords, long moreBytes) {
            records += moreRecords;
            bytes += moreBytes;
        }

        void fail(String why) {
            finding = why;
        }
    }
}
