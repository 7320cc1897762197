package io.kafmirror.app.demo;

import io.kafmirror.engine.cluster.PartitionLeaders;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.run.BackupRunner;
import io.kafmirror.engine.run.DeclaredJobs;
import io.kafmirror.engine.state.MetricSample;
import io.kafmirror.engine.state.StateDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-command demo, without a window: a {@link DemoCluster} with topics {@value DemoEvents#ORDERS} (6 partitions),
 * {@value DemoEvents#PAYMENTS} (3) and {@value DemoEvents#AUDIT} (1), {@link DemoTraffic} producing into them, and
 * the job {@value #JOB} backing them
 * up into a local store through the engine's {@link BackupRunner}, as {@code kaf-mirror run} does. Everything lives in
 * one folder, which is also the data folder ({@code --data}) of the state database and catalogs, so the CLI and the
 * console see the demo's job, history and metrics; a second start on the same folder carries on with its data.
 */
public final class Demo implements AutoCloseable {

    /** The demo's backup job. */
    public static final String JOB = DemoConfig.JOB;

    private static final Logger LOG = LoggerFactory.getLogger(Demo.class);
    private static final Map<String, Integer> TOPICS = Map.of(DemoEvents.ORDERS, 6, DemoEvents.PAYMENTS, 3,
            DemoEvents.AUDIT, 1);
    /** Samples for the charts more often than {@code run}'s default 10 s, so a newcomer sees them move at once. */
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(5);
    /** Longest wait on stop for the backup to store what was produced; a flush takes at most the job's 5 s linger. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

    private final Path folder;
    private final DemoCluster cluster;
    private final StateDatabase state;
    private final BackupRunner runner;
    private final ScheduledExecutorService engine;
    private final DemoTraffic traffic;

    private Demo(Path folder, DemoCluster cluster, StateDatabase state, BackupRunner runner,
                 ScheduledExecutorService engine, DemoTraffic traffic) {
        this.folder = folder;
        this.cluster = cluster;
        this.state = state;
        this.runner = runner;
        this.engine = engine;
        this.traffic = traffic;
    }

    /** The default demo folder: {@code demo} in the data folder ({@code KAF_MIRROR_HOME}, or {@code ~/.kaf-mirror}). */
    public static Path defaultFolder() {
        String home = System.getenv("KAF_MIRROR_HOME");
        return (home == null || home.isBlank() ? Path.of(System.getProperty("user.home"), ".kaf-mirror") : Path.of(home))
                .resolve("demo");
    }

    /** Starts the cluster, the traffic and the backup on the data in {@code folder} (created when missing). */
    public static Demo start(Path folder) {
        Path absolute = folder.toAbsolutePath();
        DemoCluster cluster = DemoCluster.start(absolute.resolve("broker"));
        StateDatabase state = null;
        BackupRunner runner = null;
        try {
            MirrorConfig config = DemoConfig.write(absolute, cluster.bootstrap());
            try (Admin admin = cluster.admin()) {
                createTopics(admin);
            }
            state = StateDatabase.open(absolute, "demo");
            DeclaredJobs.apply(config, state.jobs());
            runner = new BackupRunner(config, state, absolute, Clock.systemUTC());
            runner.reconcile();
            ScheduledExecutorService engine = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "kaf-mirror-demo-engine");
                t.setDaemon(true);
                return t;
            });
            BackupRunner started = runner;
            // Follows pause/resume from the CLI or console within a second, as 'run' does.
            engine.scheduleWithFixedDelay(() -> guarded(started::reconcile), 1, 1, TimeUnit.SECONDS);
            engine.scheduleAtFixedRate(() -> guarded(started::sample), SAMPLE_EVERY.toMillis(), SAMPLE_EVERY.toMillis(),
                    TimeUnit.MILLISECONDS);
            return new Demo(absolute, cluster, state, runner, engine, DemoTraffic.start(cluster.bootstrap()));
        } catch (RuntimeException e) {
            if (runner != null) {
                runner.close();
            }
            if (state != null) {
                state.close();
            }
            cluster.close();
            throw e;
        }
    }

    /** The demo folder: the data folder ({@code --data}) of its state database and catalogs. */
    public Path folder() {
        return folder;
    }

    /**
     * Starts a bad deploy: for {@code length}, payment events are what a broken release writes (see
     * {@link DemoEvents#checkout(long, boolean)}). Returns when it began, the instant to restore to just before.
     */
    public Instant badDeploy(Duration length) {
        Instant begins = Instant.now();
        traffic.badDeploy(length);
        LOG.info("Bad deploy of {} from {} for {} s: payment events are corrupt", DemoEvents.BAD_VERSION, begins,
                length.toSeconds());
        return begins;
    }

    /** The configuration file ({@code --config}): cluster {@code demo}, store {@code local}, job {@value #JOB}. */
    public Path configFile() {
        return folder.resolve(DemoConfig.FILE);
    }

    /** The local segment store's folder. */
    public Path storeFolder() {
        return folder.resolve(DemoConfig.STORE_FOLDER);
    }

    /** The demo cluster's bootstrap address, e.g. {@code 127.0.0.1:19092}. */
    public String bootstrap() {
        return cluster.bootstrap();
    }

    /** Records produced, stored and not yet stored, as of the latest progress sample. */
    public DemoStatus status() {
        List<MetricSample> latest = state.metrics().latest(JOB);
        return new DemoStatus(traffic.produced(),
                latest.stream().mapToLong(s -> Math.max(0, s.storedOffset())).sum(),
                latest.stream().mapToLong(s -> Math.max(0, s.lagRecords())).sum());
    }

    /**
     * Stops the traffic, waits until the backup stored everything produced (up to 30 s), stops the backup and then
     * the cluster: after a clean stop the store holds exactly the demo topics' records.
     */
    @Override
    public void close() {
        traffic.close();
        engine.shutdown();
        try {
            if (!engine.awaitTermination(DRAIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("The demo's engine loop did not stop within {} s", DRAIN_TIMEOUT.toSeconds());
            }
            if (runner.job(JOB).isPresent()) {
                drain();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            runner.close();
            state.close();
            cluster.close();
        }
    }

    /** Samples until every partition's stored offset reached its end offset, so stopping loses nothing read late. */
    private void drain() throws InterruptedException {
        Map<TopicPartition, Long> ends = endOffsets();
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (true) {
            runner.sample();
            Map<TopicPartition, Long> stored = new HashMap<>();
            state.metrics().latest(JOB).forEach(s -> stored.put(new TopicPartition(s.topic(), s.partition()), s.storedOffset()));
            if (ends.entrySet().stream().allMatch(e -> stored.getOrDefault(e.getKey(), 0L) >= e.getValue())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                LOG.warn("The demo backup had not stored everything produced {} s after the traffic stopped; the rest"
                        + " is stored on the next start", DRAIN_TIMEOUT.toSeconds());
                return;
            }
            Thread.sleep(200);
        }
    }

    private Map<TopicPartition, Long> endOffsets() throws InterruptedException {
        Map<TopicPartition, OffsetSpec> request = new LinkedHashMap<>();
        TOPICS.forEach((topic, partitions) -> {
            for (int p = 0; p < partitions; p++) {
                request.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
        });
        try (Admin admin = cluster.admin()) {
            return admin.listOffsets(request).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the demo topics' end offsets: " + e.getCause().getMessage(), e);
        }
    }

    private static void createTopics(Admin admin) {
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = TOPICS.entrySet().stream().filter(t -> !existing.contains(t.getKey()))
                    .map(t -> new NewTopic(t.getKey(), t.getValue(), (short) 1)).toList();
            admin.createTopics(missing).all().get();
            for (Map.Entry<String, Integer> topic : TOPICS.entrySet()) {
                if (!PartitionLeaders.await(admin, topic.getKey(), topic.getValue(), Duration.ofSeconds(30))) {
                    throw new IllegalStateException("The demo topic " + topic.getKey() + " has partitions without a leader after 30 s");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the demo topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create the demo topics: " + e.getCause().getMessage(), e);
        }
    }

    /** Runs one round of the engine loop, logging a failure: a scheduled round that throws is never run again. */
    private static void guarded(Runnable round) {
        try {
            round.run();
        } catch (RuntimeException e) {
            LOG.error("Demo engine round failed: {}", e.getMessage(), e);
        }
    }
}
