package io.kafmirror.engine.run;

import io.kafmirror.engine.access.Privilege;
import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.mirror.JobStatus;
import io.kafmirror.engine.mirror.MirrorJob;
import io.kafmirror.engine.anomaly.Detector;
import io.kafmirror.engine.anomaly.DetectorMemory;
import io.kafmirror.engine.anomaly.LagCeiling;
import io.kafmirror.engine.anomaly.LagSpike;
import io.kafmirror.engine.anomaly.PartitionStall;
import io.kafmirror.engine.hooks.AlertSender;
import io.kafmirror.engine.mirror.MirrorEvent;
import io.kafmirror.engine.mirror.MirrorListener;
import io.kafmirror.engine.mirror.MirrorSettings;
import io.kafmirror.engine.mirror.PartitionProgress;
import io.kafmirror.engine.state.DesiredState;
import io.kafmirror.engine.state.Job;
import io.kafmirror.engine.state.Lifecycle;
import io.kafmirror.engine.state.MetricSample;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.kfs.catalog.SegmentArchive;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every job whose desired state is running, as the state database says, and follows changes to
 * it (a job paused, resumed, added, changed or removed from the console or the CLI) while it runs.
 * Samples each running job's progress into the metrics series and takes its snapshot rounds when due.
 * What {@code kaf-mirror run} and the console's engine do.
 */
public final class BackupRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackupRunner.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(45);
    /** How often a job's lag baseline is kept, besides when it stops: a crash loses at most this much of it. */
    private static final Duration KEEP_LAG_EVERY = Duration.ofMinutes(5);
    private static final Map<LagSpike.Phase, MirrorEvent.Type> LAG_SPIKE_EVENTS = Map.of(LagSpike.Phase.BEGAN,
            MirrorEvent.Type.LAG_SPIKE, LagSpike.Phase.SEVERE, MirrorEvent.Type.LAG_SPIKE_SEVERE, LagSpike.Phase.ENDED,
            MirrorEvent.Type.LAG_SPIKE_ENDED);

    private final MirrorConfig config;
    private final StateDatabase state;
    private final OpenStores stores;
    private final Clock clock;
    private final Map<String, Running> running = new HashMap<>();
    /** The snapshot rounds of the running jobs, taken on a thread of their own. */
    private final Map<String, JobSnapshots> snapshots = new ConcurrentHashMap<>();
    private final ScheduledExecutorService snapshotThread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kaf-mirror-snapshots");
        t.setDaemon(true);
        return t;
    });
    /** Where alerts go out, when the configuration says so; null otherwise. */
    private final AlertSender alerts;
    /** Jobs that could not start, with the configuration that failed: tried again only once it changes. */
    private final Map<String, JobConfig> unstartable = new HashMap<>();

    /** A runner of the jobs in {@code state}, with the clusters and stores of {@code config}; catalogs live in {@code dataDir}. */
    public BackupRunner(MirrorConfig config, StateDatabase state, Path dataDir, Clock clock) {
        state.require(Privilege.RUN_ENGINE, "engine");
        this.config = config;
        this.state = state;
        this.stores = new OpenStores(config, dataDir);
        this.clock = clock;
        this.alerts = config.alerts() == null ? null : new AlertSender(config.alerts(), this::muted);
        snapshotThread.scheduleWithFixedDelay(() -> snapshots.values().forEach(JobSnapshots::takeIfDue), 1, 1, TimeUnit.SECONDS);
    }

    /** Makes the running jobs match the desired states: starts, stops and restarts jobs as needed. */
    public synchronized void reconcile() {
        Map<String, Job> wanted = new HashMap<>();
        for (Job job : state.jobs().list()) {
            if (job.desiredState() == DesiredState.RUNNING) {
                wanted.put(job.name(), job);
            }
        }
        for (String name : new ArrayList<>(running.keySet())) {
            Job job = wanted.get(name);
            if (job == null || !job.config().equals(running.get(name).config)) {
                stop(name, job == null ? "its desired state is no longer running" : "its configuration changed");
            }
        }
        unstartable.keySet().retainAll(wanted.keySet());
        for (Job job : wanted.values()) {
            if (!running.containsKey(job.name()) && !job.config().equals(unstartable.get(job.name()))) {
                start(job);
            }
        }
    }

    /** Writes the progress of every running job's partitions since the previous sample into the metrics series. */
    public synchronized void sample() {
        Instant now = clock.instant();
        List<MetricSample> samples = new ArrayList<>();
        running.forEach((name, run) -> {
            JobStatus status = run.job.status();
            String error = status.state() == JobStatus.State.FAILING ? status.lastError() : null;
            List<PartitionProgress> progress = run.job.progress().sample(now);
            if (run.config.detection().on(Detector.LAG_SPIKE)) {
                run.lagSpikes.observe(now, lags(progress))
                        .ifPresent(f -> run.events.event(new MirrorEvent(LAG_SPIKE_EVENTS.get(f.phase()), f.at(), f.topic(),
                                f.partition(), f.message())));
                if (!now.isBefore(run.lagKeptAt.plus(KEEP_LAG_EVERY))) {
                    run.keepLag(now);
                }
            }
            if (run.config.detection().on(Detector.LAG_CEILING)) {
                run.lagCeiling.observe(now, lags(progress)).ifPresent(f -> run.events.event(new MirrorEvent(f.beginning()
                        ? MirrorEvent.Type.LAG_OVER_CEILING : MirrorEvent.Type.LAG_OVER_CEILING_ENDED, f.at(), f.topic(),
                        f.partition(), f.message())));
            }
            for (PartitionProgress p : progress) {
                if (run.config.detection().on(Detector.PARTITION_STALL)) {
                    run.stalls.observe(p.topic(), p.partition(), now, p.sourceHighWatermark(), p.storedOffset())
                            .ifPresent(f -> run.events.event(new MirrorEvent(f.beginning() ? MirrorEvent.Type.PARTITION_STALLED
                                    : MirrorEvent.Type.PARTITION_STALL_ENDED, f.at(), f.topic(), f.partition(), f.message())));
                }
                samples.add(new MetricSample(name, p.topic(), p.partition(), now, p.sourceEndOffset(), p.storedOffset(),
                        p.lagRecords(), p.lagSeconds(), p.recordsPerSecond(), p.bytesPerSecond(),
                        p.latencyP50Millis() == 0 && p.recordsPerSecond() == 0 ? null : p.latencyP50Millis(), error));
            }
        });
        if (!samples.isEmpty()) {
            state.metrics().insert(samples);
        }
    }

    private static List<LagSpike.PartitionLag> lags(List<PartitionProgress> progress) {
        return progress.stream().map(p -> new LagSpike.PartitionLag(p.topic(), p.partition(), p.lagRecords(), p.lagSeconds()))
                .toList();
    }

    /** What each running job is doing now, by name. */
    public synchronized Map<String, JobStatus> statuses() {
        Map<String, JobStatus> statuses = new HashMap<>();
        running.forEach((name, run) -> statuses.put(name, run.job.status()));
        return statuses;
    }

    /** The running job {@code name}, if it runs here. */
    public synchronized Optional<MirrorJob> job(String name) {
        return Optional.ofNullable(running.get(name)).map(r -> r.job);
    }

    /** Stops every job, storing what was read as far as the store allows, and closes the stores. */
    @Override
    public synchronized void close() {
        snapshotThread.shutdown();
        for (String name : new ArrayList<>(running.keySet())) {
            stop(name, "the engine is shutting down");
        }
        if (alerts != null) {
            alerts.close();
        }
        stores.close();
    }

    /** Where events of {@code job} go: its history and, when the configuration has alert hooks, those. */
    public MirrorListener events(String job) {
        return alerts == null ? state.history().listener(job) : MirrorListener.both(state.history().listener(job), alerts.listener(job));
    }

    /** Whether a mute in force covers {@code event} of {@code job}. */
    private boolean muted(String job, MirrorEvent event) {
        return state.alerts().inForce().stream().anyMatch(m -> m.covers(job, event.type(), event.topic()));
    }

    private void start(Job job) {
        JobConfig jobConfig = job.config();
        try {
            Properties client = config.cluster(jobConfig.source()).clientProperties();
            SegmentArchive archive = stores.archive(jobConfig.store());
            MirrorListener history = events(job.name());
            // A detector switched off forgets what it learned: switched on again, it learns the topics as they are then.
            state.detectorStates().forget(job.name(), jobConfig.detection().off());
            DetectorMemory memory = state.detectorStates().of(job.name(), jobConfig.detection().level());
            MirrorJob mirror = new MirrorJob(MirrorSettings.of(job.name(), jobConfig), client, archive, history, clock, memory);
            JobSnapshots rounds = new JobSnapshots(job.name(), jobConfig, client, archive.store(), history, clock);
            mirror.start();
            LagSpike lagSpikes = new LagSpike(job.name(), jobConfig.detection().level(), jobConfig.flush().maxLinger());
            if (jobConfig.detection().on(Detector.LAG_SPIKE)) {
                memory.restore(Detector.LAG_SPIKE, "", "", lagSpikes::recall);
            }
            LagCeiling lagCeiling = new LagCeiling(job.name(), jobConfig.detection().lagCeiling(jobConfig.flush().maxLinger()),
                    jobConfig.flush().maxLinger());
            running.put(job.name(), new Running(jobConfig, mirror, history, lagSpikes, lagCeiling, memory, clock.instant()));
            snapshots.put(job.name(), rounds);
            state.history().append(job.name(), Lifecycle.RUN_STARTED, "mirroring " + jobConfig.topics()
                    + " of cluster " + jobConfig.source() + " into store " + jobConfig.store());
            LOG.info("Job {} started", job.name());
        } catch (RuntimeException e) {
            // A job that cannot even start (unknown cluster, store unreachable) must not stop the others.
            LOG.error("Job {} cannot start: {}", job.name(), e.getMessage());
            unstartable.put(job.name(), jobConfig);
            state.history().append(job.name(), Lifecycle.RUN_STOPPED, "cannot start: " + e.getMessage());
        }
    }

    private void stop(String name, String why) {
        Running run = running.remove(name);
        JobSnapshots rounds = snapshots.remove(name);
        if (rounds != null) {
            rounds.close();
        }
        try {
            boolean clean = run.job.stop(STOP_TIMEOUT);
            if (run.config.detection().on(Detector.LAG_SPIKE)) {
                run.keepLag(clock.instant());
            }
            state.history().append(name, Lifecycle.RUN_STOPPED, "stopped because " + why
                    + (clean ? "" : "; it did not finish storing within " + STOP_TIMEOUT.toSeconds()
                    + " s, the rest is read again from the source on the next start"));
            LOG.info("Job {} stopped: {}", name, why);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A job running here, with where its events go and its partitions' stall, lag and lag ceiling watches, fed by
     * {@link #sample()}, and where its detectors keep what they learned.
     */
    private static final class Running {
        final JobConfig config;
        final MirrorJob job;
        final MirrorListener events;
        final PartitionStall stalls;
        final LagSpike lagSpikes;
        final LagCeiling lagCeiling;
        final DetectorMemory memory;
        Instant lagKeptAt;

        Running(JobConfig config, MirrorJob job, MirrorListener events, LagSpike lagSpikes, LagCeiling lagCeiling,
                DetectorMemory memory, Instant now) {
            this.config = config;
            this.job = job;
            this.events = events;
            this.stalls = new PartitionStall();
            this.lagSpikes = lagSpikes;
            this.lagCeiling = lagCeiling;
            this.memory = memory;
            this.lagKeptAt = now;
        }

        /** Keeps the lag baseline; a failure is logged, as a restart then only learns it anew. */
        void keepLag(Instant now) {
            lagKeptAt = now;
            try {
                lagSpikes.learned().ifPresent(state -> memory.keep(List.of(new DetectorMemory.Learned(Detector.LAG_SPIKE,
                        "", "", state))));
            } catch (RuntimeException e) {
                LOG.warn("Cannot keep the lag baseline of job {} ({}); after a restart it is learned anew", job.name(),
                        e.getMessage());
            }
        }
    }
}
