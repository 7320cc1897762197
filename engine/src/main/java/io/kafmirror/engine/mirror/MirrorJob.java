package io.kafmirror.engine.mirror;

import io.kafmirror.engine.anomaly.DetectorMemory;
import io.kafmirror.kfs.catalog.SegmentArchive;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one backup job mirroring: runs its {@link MirrorTask} on a thread of its own and, when the
 * task fails (source unreachable, credentials refused, an unexpected error), records why and starts
 * it again after a pause that grows while failures repeat. Restarting is always safe: a task resumes
 * from the catalog, so nothing is skipped or stored twice.
 */
public final class MirrorJob {

    private static final Logger LOG = LoggerFactory.getLogger(MirrorJob.class);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(60);
    /** A run this long counts as healthy: the next failure starts with a short pause again. */
    private static final Duration HEALTHY_RUN = Duration.ofMinutes(2);

    private final MirrorSettings settings;
    private final Properties clientProperties;
    private final SegmentArchive archive;
    private final MirrorListener listener;
    private final Clock clock;
    private final DetectorMemory memory;
    private final Object lock = new Object();
    private Thread thread;
    private MirrorTask task;
    private boolean stopping;
    private volatile JobStatus status = JobStatus.stopped();

    /** A job mirroring with {@code settings} from the cluster {@code clientProperties} reach into {@code archive}. */
    public MirrorJob(MirrorSettings settings, Properties clientProperties, SegmentArchive archive,
                     MirrorListener listener, Clock clock) {
        this(settings, clientProperties, archive, listener, clock, DetectorMemory.NONE);
    }

    /** As {@link #MirrorJob(MirrorSettings, Properties, SegmentArchive, MirrorListener, Clock)}, its detectors keeping what they learn in {@code memory}. */
    public MirrorJob(MirrorSettings settings, Properties clientProperties, SegmentArchive archive,
                     MirrorListener listener, Clock clock, DetectorMemory memory) {
        this.memory = memory;
        this.settings = settings;
        this.clientProperties = clientProperties;
        this.archive = archive;
        this.listener = listener;
        this.clock = clock;
    }

    /** The job's name. */
    public String name() {
        return settings.job();
    }

    /** Starts mirroring on a thread of its own; does nothing when already started. */
    public void start() {
        synchronized (lock) {
            if (thread != null) {
                return;
            }
            stopping = false;
            thread = new Thread(this::superviseLoop, "kaf-mirror-job-" + settings.job());
            thread.start();
        }
    }

    /** Stops mirroring, storing what was read as far as the store allows within {@code timeout}; true when stopped in time. */
    public boolean stop(Duration timeout) throws InterruptedException {
        Thread running;
        synchronized (lock) {
            stopping = true;
            if (task != null) {
                task.stop();
            }
            running = thread;
            lock.notifyAll();
        }
        if (running == null) {
            return true;
        }
        running.join(timeout.toMillis());
        synchronized (lock) {
            if (!running.isAlive()) {
                thread = null;
            }
            return !running.isAlive();
        }
    }

    /** What the job is doing now. */
    public JobStatus status() {
        return status;
    }

    /** Record bytes the current run holds in memory, read but not yet stored. */
    public long heldBytes() {
        synchronized (lock) {
            return task != null ? task.heldBytes() : 0;
        }
    }

    /** Lag, throughput and latency of the current run; empty progress while not running. */
    public MirrorProgress progress() {
        synchronized (lock) {
            return task != null ? task.progress() : new MirrorProgress(clock.millis());
        }
    }

    private void superviseLoop() {
        Duration pause = FIRST_PAUSE;
        while (true) {
            MirrorTask current;
            synchronized (lock) {
                if (stopping) {
                    break;
                }
                current = new MirrorTask(settings, clientProperties, archive, listener, clock, memory);
                task = current;
            }
            Instant started = clock.instant();
            status = JobStatus.running(started);
            try {
                current.run();
            } catch (RuntimeException e) {
                if (Duration.between(started, clock.instant()).compareTo(HEALTHY_RUN) >= 0) {
                    pause = FIRST_PAUSE;
                }
                failed(e, pause);
                if (!pauseUnlessStopping(pause)) {
                    break;
                }
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            }
        }
        synchronized (lock) {
            task = null;
        }
        status = JobStatus.stopped();
    }

    private void failed(RuntimeException e, Duration pause) {
        String reason = e.getMessage() != null ? e.getMessage() : e.toString();
        Instant now = clock.instant();
        status = JobStatus.failing(now, reason, now.plus(pause));
        if (!(e instanceof SourceAccessException)) {
            LOG.error("Job {} stopped on an unexpected error; restarting in {} s", settings.job(), pause.toSeconds(), e);
        } else {
            LOG.warn("Job {}: {} Retrying in {} s", settings.job(), reason, pause.toSeconds());
        }
        listener.event(new MirrorEvent(MirrorEvent.Type.MIRROR_FAILED, clock.instant(), null, -1,
                "Mirroring of job " + settings.job() + " stopped: " + reason + " It restarts in " + pause.toSeconds()
                        + " s and resumes after the last stored offsets; nothing is skipped."));
    }

    /** Waits {@code pause}; false when asked to stop meanwhile. */
    private boolean pauseUnlessStopping(Duration pause) {
        long deadline = System.nanoTime() + pause.toNanos();
        synchronized (lock) {
            while (!stopping) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return false;
        }
    }
}
