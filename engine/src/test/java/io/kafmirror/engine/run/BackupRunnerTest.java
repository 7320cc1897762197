package io.kafmirror.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.config.ClusterConfig;
import io.kafmirror.engine.config.FlushPolicy;
import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.config.LocalStoreConfig;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.config.TopicSelection;
import io.kafmirror.engine.snapshot.SnapshotHistory;
import io.kafmirror.engine.snapshot.SnapshotKey;
import io.kafmirror.engine.snapshot.SnapshotKind;
import io.kafmirror.engine.snapshot.SnapshotReader;
import io.kafmirror.engine.snapshot.TopicsSnapshot;
import io.kafmirror.engine.state.DesiredState;
import io.kafmirror.engine.state.HistoryEntry;
import io.kafmirror.engine.state.HistoryFilter;
import io.kafmirror.engine.state.Lifecycle;
import io.kafmirror.engine.state.MetricSample;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.SourceProducer;
import io.kafmirror.engine.testkit.SourceRecords;
import io.kafmirror.engine.testkit.StoredRecords;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.format.KfsRecord;
import io.kafmirror.kfs.store.LocalSegmentStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner follows the state database: what runs is what the operator last asked for. */
class BackupRunnerTest {

    @TempDir
    Path dir;

    private final KafkaTestBroker broker = KafkaTestBroker.shared();

    @Test
    void runsWhatIsDesiredFollowsPauseResumeAndChangesAndSamplesProgress() throws Exception {
        broker.createTopic("runner.orders", 2, Map.of());
        broker.createTopic("runner.refunds", 1, Map.of());
        MirrorConfig config = config();
        try (StateDatabase state = StateDatabase.open(dir.resolve("data"), "test");
             BackupRunner runner = new BackupRunner(config, state, dir.resolve("data"), Clock.systemUTC());
             SourceProducer producer = SourceProducer.to(broker.bootstrap())) {
            state.jobs().add("orders", job("runner\\.orders"));
            produce(producer, "runner.orders", 2, 0, 60);

            runner.reconcile();
            await(() -> storedPerPartition(runner, state, "orders", "runner.orders", 30), "orders stored");
            assertThat(runner.statuses()).containsOnlyKeys("orders");

            state.jobs().setDesiredState("orders", DesiredState.PAUSED);
            runner.reconcile();
            assertThat(runner.statuses()).isEmpty();
            produce(producer, "runner.orders", 2, 60, 20);

            state.jobs().setDesiredState("orders", DesiredState.RUNNING);
            state.jobs().update("orders", job("runner\\.(orders|refunds)"));
            produce(producer, "runner.refunds", 1, 0, 5);
            runner.reconcile();
            await(() -> storedPerPartition(runner, state, "orders", "runner.orders", 40)
                    && storedPerPartition(runner, state, "orders", "runner.refunds", 5), "the paused records and the new topic");

            TopicsSnapshot snapshot = topicsSnapshotWith("runner.refunds");
            assertThat(snapshot.topic("runner.refunds")).hasValueSatisfying(t -> assertThat(t.partitions()).isEqualTo(1));
            assertThat(snapshot.topic("runner.orders")).hasValueSatisfying(t -> assertThat(t.partitions()).isEqualTo(2));

            assertThat(lifecycle(state)).containsSubsequence(
                    "RUN_STARTED", "JOB_PAUSED", "RUN_STOPPED stopped because its desired state is no longer running",
                    "JOB_RESUMED", "JOB_UPDATED", "RUN_STARTED");
        }
        try (StateDatabase state = StateDatabase.open(dir.resolve("data"), "test")) {
            assertThat(lifecycle(state)).last().isEqualTo("RUN_STOPPED stopped because the engine is shutting down");
        }
        assertThat(stored("runner.orders")).isEqualTo(SourceRecords.of(broker.bootstrap(), "runner.orders"));
        assertThat(stored("runner.refunds")).isEqualTo(SourceRecords.of(broker.bootstrap(), "runner.refunds"));
    }

    @Test
    void aJobThatCannotStartIsRecordedOnceAndDoesNotHoldUpTheOthers() throws Exception {
        broker.createTopic("runner.ledger", 1, Map.of());
        try (StateDatabase state = StateDatabase.open(dir.resolve("data"), "test");
             BackupRunner runner = new BackupRunner(config(), state, dir.resolve("data"), Clock.systemUTC());
             SourceProducer producer = SourceProducer.to(broker.bootstrap())) {
            state.jobs().add("staging-copy", new JobConfig("staging", "local", TopicSelection.parse("runner.*", ""),
                    null, null, null, null, null, null, null, null, null));
            state.jobs().add("ledger", job("runner\\.ledger"));
            produce(producer, "runner.ledger", 1, 0, 10);

            runner.reconcile();
            runner.reconcile();
            await(() -> storedPerPartition(runner, state, "ledger", "runner.ledger", 10), "ledger stored");

            List<HistoryEntry> refused = state.history().query(HistoryFilter.of("staging-copy").types(Lifecycle.RUN_STOPPED));
            assertThat(refused).singleElement().extracting(HistoryEntry::message).asString()
                    .startsWith("cannot start").contains("staging").contains("prod");
            assertThat(runner.statuses()).containsOnlyKeys("ledger");
        }
    }

    private MirrorConfig config() {
        return new MirrorConfig(Map.of("prod", ClusterConfig.of(broker.bootstrap())),
                Map.of("local", new LocalStoreConfig(dir.resolve("store"))), null);
    }

    private static JobConfig job(String topics) {
        return new JobConfig("prod", "local", TopicSelection.parse(topics, ""),
                new FlushPolicy(64L * 1024, Duration.ofMillis(200)), null, null, null, null, null, Duration.ofSeconds(1), null, null);
    }

    /** Samples like {@code kaf-mirror run} does, and reads the samples back as {@code jobs status} does. */
    /** The newest topics snapshot in the store once it holds {@code topic}: the changed job's rounds. */
    private TopicsSnapshot topicsSnapshotWith(String topic) throws InterruptedException {
        try (LocalSegmentStore store = new LocalSegmentStore(dir.resolve("store"))) {
            SnapshotHistory history = new SnapshotHistory(store, "prod");
            SnapshotReader reader = new SnapshotReader(store);
            AtomicReference<TopicsSnapshot> latest = new AtomicReference<>();
            await(() -> {
                List<SnapshotKey> keys = history.list(SnapshotKind.TOPICS);
                if (!keys.isEmpty()) {
                    latest.set(reader.read(keys.get(keys.size() - 1), SnapshotKind.TOPICS).body());
                }
                return latest.get() != null && latest.get().topic(topic).isPresent();
            }, "a topics snapshot holding " + topic);
            return latest.get();
        }
    }

    private static boolean storedPerPartition(BackupRunner runner, StateDatabase state, String job, String topic, long offset) {
        runner.sample();
        List<MetricSample> latest = state.metrics().latest(job).stream().filter(s -> s.topic().equals(topic)).toList();
        return !latest.isEmpty() && latest.stream().allMatch(s -> s.storedOffset() == offset && s.lagRecords() == 0);
    }

    private static List<String> lifecycle(StateDatabase state) {
        List<String> oldestFirst = new ArrayList<>();
        for (HistoryEntry e : state.history().query(HistoryFilter.of("orders"))) {
            oldestFirst.add(0, e.type().equals(Lifecycle.RUN_STOPPED.name()) ? e.type() + " " + e.message() : e.type());
        }
        return oldestFirst;
    }

    private Map<Integer, List<KfsRecord>> stored(String topic) {
        try (SegmentCatalog catalog = SegmentCatalog.open(dir.resolve("data/catalogs/local"));
             LocalSegmentStore store = new LocalSegmentStore(dir.resolve("store"))) {
            return StoredRecords.of(new SegmentArchive(store, catalog), "prod", topic);
        }
    }

    /** Sends records {@code from} to {@code from + count - 1} round-robin over {@code topic}'s partitions. */
    private static void produce(SourceProducer producer, String topic, int partitions, int from, int count) {
        for (int i = from; i < from + count; i++) {
            producer.send(topic, i % partitions, "k" + i, "v" + i);
        }
        producer.confirm();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("time waiting for " + what).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
