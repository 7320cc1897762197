package io.kafmirror.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.anomaly.Detector;
import io.kafmirror.engine.anomaly.Sensitivity;
import io.kafmirror.engine.config.AnomalySettings;
import io.kafmirror.engine.config.ClusterConfig;
import io.kafmirror.engine.config.FlushPolicy;
import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.config.LocalStoreConfig;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.config.TopicSelection;
import io.kafmirror.engine.mirror.MirrorEvent;
import io.kafmirror.engine.state.HistoryEntry;
import io.kafmirror.engine.state.HistoryFilter;
import io.kafmirror.engine.state.MetricSample;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.SourceProducer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the detectors learned of a real topic survives {@code kaf-mirror run} stopping and starting again on the same
 * state database: a bad deploy right after the restart is judged at once, from its first record, where a detector
 * without the saved state takes it for the topic's usual; a steady stream across restarts raises nothing.
 */
class DetectorMemoryRunTest {

    @TempDir
    Path dir;

    private final KafkaTestBroker broker = KafkaTestBroker.shared();
    private final Random random = new Random(3);

    @Test
    void aBurstOfNonJsonRightAfterARestartIsAFormatDriftFromItsFirstRecordWhichWithoutTheSavedStateIsTheUsual() throws Exception {
        broker.createTopic("memory.payments", 2, Map.of());
        MirrorConfig config = config();
        // The control job runs the first time without the format detector, so nothing of the format is saved for it.
        try (StateDatabase state = StateDatabase.open(dir.resolve("data"), "run");
             BackupRunner runner = new BackupRunner(config, state, dir.resolve("data"), Clock.systemUTC());
             SourceProducer producer = SourceProducer.to(broker.bootstrap())) {
            state.jobs().add("payments", job("remembered", "memory\\.payments", Set.of()));
            state.jobs().add("payments-control", job("control", "memory\\.payments", Set.of(Detector.FORMAT_DRIFT)));
            runner.reconcile();
            steady(producer, "memory.payments", 1_000, Instant.now().toEpochMilli());
            awaitStored(runner, state, 1_000, "payments", "payments-control");
        }
        long burst;
        try (StateDatabase state = StateDatabase.open(dir.resolve("data"), "run");
             BackupRunner runner = new BackupRunner(config, state, dir.resolve("data"), Clock.systemUTC());
             SourceProducer producer = SourceProducer.to(broker.bootstrap())) {
            state.jobs().update("payments-control", job("control", "memory\\.payments", Set.of()));
            runner.reconcile();
            long t = Instant.now().toEpochMilli();
            steady(producer, "memory.payments", 30, t);
            burst = t + 30;
            for (int i = 0; i < 500; i++) {
                producer.send(new ProducerRecord<>("memory.payments", i % 2, burst + i, SourceProducer.utf8("k" + i),
                        SourceProducer.utf8("payment " + i + " declined, retrying")));
            }
            producer.confirm();
            awaitStored(runner, state, 1_530, "payments", "payments-control");

            List<HistoryEntry> drift = state.history().query(HistoryFilter.of("payments").types(MirrorEvent.Type.FORMAT_DRIFT));
            assertThat(drift).as("judged at once after the restart").hasSize(1);
            assertThat(drift.get(0).at()).as("from its first record").isEqualTo(Instant.ofEpochMilli(burst));
            assertThat(drift.get(0).message()).startsWith("memory.payments: ").contains("are not valid JSON; before, 0 %")
                    .contains("The last instant before it: " + Instant.ofEpochMilli(burst - 1));
            assertThat(state.history().query(HistoryFilter.of("payments-control").types(MirrorEvent.Type.FORMAT_DRIFT)))
                    .as("without the saved format, the burst is taken for the usual text").isEmpty();
            assertThat(anomalies(state, "payments-control")).extracting(HistoryEntry::type)
                    .as("its other detectors remembered the topic: the burst lacks the usual header and is smaller")
                    .contains("HEADER_KEYS_CHANGED", "RECORD_SIZE_SHIFT");
        }
    }

    @Test
    void aSteadyStreamAcrossTwoRestartsRaisesNothingAndTheStateIsRecalledEachTime() throws Exception {
        broker.createTopic("memory.orders", 3, Map.of());
        Uuid id = broker.admin().describeTopics(List.of("memory.orders")).allTopicNames().get().get("memory.orders").topicId();
        String topicId = new UUID(id.getMostSignificantBits(), id.getLeastSignificantBits()).toString();
        MirrorConfig config = config();
        for (int run = 0; run < 3; run++) {
            try (StateDatabase state = StateDatabase.open(dir.resolve("data"), "run");
                 BackupRunner runner = new BackupRunner(config, state, dir.resolve("data"), Clock.systemUTC());
                 SourceProducer producer = SourceProducer.to(broker.bootstrap())) {
                if (run == 0) {
                    state.jobs().add("orders", job("remembered", "memory\\.orders", Set.of()));
                } else {
                    assertThat(state.detectorStates().of("orders", Sensitivity.NORMAL)
                            .recall(Detector.KEY_CARDINALITY, "memory.orders", topicId)).as("kept by run " + run).isPresent();
                }
                runner.reconcile();
                steady(producer, "memory.orders", run == 0 ? 2_500 : 1_500, Instant.now().toEpochMilli());
                awaitStored(runner, state, 2_500 + 1_500L * run, "orders");
            }
        }
        try (StateDatabase state = StateDatabase.open(dir.resolve("data"), "run")) {
            assertThat(state.detectorStates().of("orders", Sensitivity.NORMAL).recall(Detector.FORMAT_DRIFT, "memory.orders",
                    topicId)).isPresent();
            assertThat(anomalies(state, "orders")).as("anomalies in 5,500 steady records across two restarts").isEmpty();
        }
    }

    private MirrorConfig config() {
        return new MirrorConfig(Map.of("prod", ClusterConfig.of(broker.bootstrap())), Map.of(
                "remembered", new LocalStoreConfig(dir.resolve("remembered")),
                "control", new LocalStoreConfig(dir.resolve("control"))), null);
    }

    private static JobConfig job(String store, String topics, Set<Detector> off) {
        return new JobConfig("prod", store, TopicSelection.parse(topics, ""), new FlushPolicy(64L * 1024, Duration.ofMillis(200)),
                null, null, 2L << 20, null, null, null, null, new AnomalySettings(off, null));
    }

    /** {@code count} JSON orders from {@code from} (ms), a millisecond apart: keys of a pool, sizes and headers varying a little. */
    private void steady(SourceProducer producer, String topic, int count, long from) {
        int partitions = topic.equals("memory.payments") ? 2 : 3;
        for (int i = 0; i < count; i++) {
            String value = "{\"order\":" + random.nextInt(1_000_000) + ",\"note\":\"" + "x".repeat(100 + random.nextInt(60)) + "\"}";
            ProducerRecord<byte[], byte[]> r = new ProducerRecord<>(topic, i % partitions, from + i,
                    SourceProducer.utf8("customer-" + random.nextInt(5_000)), SourceProducer.utf8(value));
            r.headers().add(new RecordHeader("traceparent", SourceProducer.utf8("00-" + i)));
            producer.send(r);
        }
        producer.confirm();
    }

    /** Samples until every one of {@code jobs} has stored {@code records} records of its topic. */
    private static void awaitStored(BackupRunner runner, StateDatabase state, long records, String... jobs) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!Arrays.stream(jobs).allMatch(job -> stored(state, job) == records)) {
            assertThat(System.nanoTime()).as("time waiting for " + Arrays.toString(jobs) + " to store " + records).isLessThan(deadline);
            Thread.sleep(200);
            runner.sample();
        }
    }

    private static long stored(StateDatabase state, String job) {
        return state.metrics().latest(job).stream().mapToLong(MetricSample::storedOffset).sum();
    }

    private static List<HistoryEntry> anomalies(StateDatabase state, String job) {
        return state.history().query(HistoryFilter.of(job)).stream()
                .filter(e -> Arrays.stream(MirrorEvent.Type.values()).anyMatch(t -> t.name().equals(e.type()) && t.anomaly()))
                .toList();
    }
}
