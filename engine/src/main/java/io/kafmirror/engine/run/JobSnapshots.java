package io.kafmirror.engine.run;

import io.kafmirror.engine.anomaly.Detector;
import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.mirror.MirrorEvent;
import io.kafmirror.engine.mirror.MirrorListener;
import io.kafmirror.engine.snapshot.SnapshotHistory;
import io.kafmirror.engine.snapshot.SnapshotOutcome;
import io.kafmirror.engine.snapshot.SnapshotReader;
import io.kafmirror.engine.snapshot.SnapshotSchedule;
import io.kafmirror.engine.snapshot.SnapshotTaker;
import io.kafmirror.engine.snapshot.SnapshotWriter;
import io.kafmirror.kfs.store.SegmentStore;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a job's rounds of snapshots (topic configurations, group offsets) when they are due, called
 * by the runner's snapshot thread so that a slow or refusing source never holds up mirroring. A round
 * that could not capture everything becomes a {@link MirrorEvent.Type#SNAPSHOT_INCOMPLETE} event when
 * its problems differ from the previous round's, so a missing permission is recorded once, not every round. Each round
 * is also compared with the one before ({@link ControlPlaneWatch}): retention and group-offset changes become events.
 */
final class JobSnapshots implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobSnapshots.class);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private final String job;
    private final JobConfig config;
    private final SegmentStore store;
    private final Admin admin;
    private final SnapshotTaker taker;
    private final MirrorListener listener;
    private final Clock clock;
    private SnapshotSchedule schedule;
    private ControlPlaneWatch watch;
    private List<String> lastProblems = List.of();

    JobSnapshots(String job, JobConfig config, Properties client, SegmentStore store, MirrorListener listener, Clock clock) {
        this.job = job;
        this.config = config;
        this.store = store;
        this.admin = Admin.create(client);
        String writerId = "s" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        SnapshotWriter writer = new SnapshotWriter(store, config.source(), writerId, config.retention().longest()::from);
        this.taker = new SnapshotTaker(admin, config.topics()::matches, writer, ANSWER_TIMEOUT, clock);
        this.listener = listener;
        this.clock = clock;
    }

    /** Takes a round if one is due; never throws, as the backup must go on whatever happens here. */
    synchronized void takeIfDue() {
        try {
            if (schedule == null) {
                SnapshotHistory history = new SnapshotHistory(store, config.source());
                watch = ControlPlaneWatch.resume(history, new SnapshotReader(store), clock.instant());
                schedule = SnapshotSchedule.resume(history, config.snapshotInterval(), clock.instant());
            }
            if (schedule.isDue(clock.instant())) {
                SnapshotOutcome outcome = taker.take();
                schedule.taken(outcome.finishedAt());
                report(outcome);
            }
        } catch (RuntimeException e) {
            LOG.error("Snapshots of job {} failed; trying again on the next check: {}", job, e.getMessage(), e);
        }
    }

    private void report(SnapshotOutcome outcome) {
        List<String> problems = outcome.problems().stream().map(SnapshotOutcome.Problem::message).toList();
        if (!problems.isEmpty() && !problems.equals(lastProblems)) {
            listener.event(new MirrorEvent(MirrorEvent.Type.SNAPSHOT_INCOMPLETE, outcome.finishedAt(), null, -1,
                    "Snapshot round stored " + outcome.stored().size() + " of 2 kinds: " + String.join(" ", problems)));
        }
        lastProblems = problems;
        if (config.detection().on(Detector.CONTROL_PLANE)) {
            watch.changes(outcome).forEach(listener::event);
        }
    }

    @Override
    public synchronized void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
