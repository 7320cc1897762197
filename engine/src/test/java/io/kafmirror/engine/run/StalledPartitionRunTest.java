package io.kafmirror.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.anomaly.Detector;
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
import io.kafmirror.engine.state.ManualClock;
import io.kafmirror.engine.state.MetricSample;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.SourceProducer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A producer leaves a transaction open on one partition of a real topic (a hanging transaction) while records keep
 * coming: a read_committed backup cannot read past its first record, so that partition stops being backed up while the
 * other goes on. The engine's samples are taken on a clock the test moves 10 s a sample, so the two minutes a stall
 * takes pass at once; what stalls and what the source holds are real. The detectors that judge time itself (lag,
 * rate, timestamps) are off, as that clock runs ahead of the records' timestamps.
 */
class StalledPartitionRunTest {

    private static final String TOPIC = "stall.orders";
    private static final Duration SAMPLES_EVERY = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final KafkaTestBroker broker = KafkaTestBroker.shared();
    private final ManualClock clock = new ManualClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));

    @Test
    void aTransactionLeftOpenStallsItsPartitionFromTheLastSampleItMovedUntilTheTransactionEnds() throws Exception {
        broker.createTopic(TOPIC, 2, Map.of());
        MirrorConfig config = new MirrorConfig(Map.of("prod", ClusterConfig.of(broker.bootstrap())),
                Map.of("local", new LocalStoreConfig(dir.resolve("store"))), null);
        try (StateDatabase state = StateDatabase.open(dir.resolve("data"), "test");
             BackupRunner runner = new BackupRunner(config, state, dir.resolve("data"), clock);
             SourceProducer producer = SourceProducer.to(broker.bootstrap());
             SourceProducer hanging = SourceProducer.transactional(broker.bootstrap(), "stall-test-" + System.nanoTime())) {
            state.jobs().add("orders", new JobConfig("prod", "local", TopicSelection.parse("stall\\.orders", ""),
                    new FlushPolicy(64L * 1024, Duration.ofMillis(200)), null, null, null, null, null, null, null,
                    new AnomalySettings(Set.of(Detector.LAG_SPIKE, Detector.LAG_CEILING, Detector.THROUGHPUT,
                            Detector.TIMESTAMP_SKEW), null)));
            runner.reconcile();
            send(producer, 20, true);
            await(() -> sample(runner) && stored(state, 0) == 20 && stored(state, 1) == 20, "both partitions stored");

            // The transaction's first record takes offset 20 of partition 1; nothing after it can be read committed.
            hanging.kafka().beginTransaction();
            hanging.send(new ProducerRecord<>(TOPIC, 1, SourceProducer.utf8("tx"), SourceProducer.utf8("{\"open\":true}")));
            hanging.confirm();
            Instant opened = clock.instant();
            await(() -> send(producer, 10, true) && sample(runner) && !stalls(state).isEmpty(), "a stall");
            Instant seen = clock.instant();

            HistoryEntry stalled = stalls(state).get(0);
            assertThat(stalls(state)).hasSize(1);
            assertThat(stalled.type()).isEqualTo("PARTITION_STALLED");
            assertThat(stalled.topic()).isEqualTo(TOPIC);
            assertThat(stalled.partition()).isEqualTo(1);
            assertThat(stalled.at()).as("the last sample at which it moved (nothing to read beyond it yet)")
                    .isAfter(opened).isEqualTo(seen.minusSeconds(120));
            assertThat(stalled.message()).startsWith(TOPIC + "-1: nothing stored since " + stalled.at()
                    + " although the source holds ").contains("Check its leader, a transaction left open on it");
            assertThat(stored(state, 1)).as("stored up to the open transaction").isEqualTo(20);
            assertThat(stored(state, 0)).as("the other partition went on").isGreaterThan(30);

            hanging.kafka().commitTransaction();
            Instant committed = clock.instant();
            await(() -> send(producer, 10, true) && sample(runner) && stalls(state).size() == 2, "the stall's end");
            HistoryEntry ended = stalls(state).get(1);
            assertThat(ended.type()).isEqualTo("PARTITION_STALL_ENDED");
            assertThat(ended.partition()).isEqualTo(1);
            assertThat(ended.at()).isAfter(committed).isEqualTo(clock.instant());

            // Partition 1 now idle after its transaction's commit marker, partition 0 going on: no stall.
            for (int i = 0; i < 15; i++) {
                send(producer, 10, false);
                sample(runner);
            }
            assertThat(stalls(state)).as("idle after a commit").hasSize(2);
        }
    }

    /** Sends {@code count} records to partition 0, and to partition 1 when {@code both}; true, to chain with a condition. */
    private static boolean send(SourceProducer producer, int count, boolean both) {
        for (int i = 0; i < count; i++) {
            producer.send(TOPIC, 0, "k" + i, "{\"order\":" + i + "}");
            if (both) {
                producer.send(TOPIC, 1, "k" + i, "{\"order\":" + i + "}");
            }
        }
        producer.confirm();
        return true;
    }

    /** Moves the clock on by a sampling interval and takes a sample; true, to chain with a condition. */
    private boolean sample(BackupRunner runner) throws InterruptedException {
        Thread.sleep(100);
        clock.advance(SAMPLES_EVERY);
        runner.sample();
        return true;
    }

    private static long stored(StateDatabase state, int partition) {
        return state.metrics().latest("orders").stream().filter(s -> s.topic().equals(TOPIC) && s.partition() == partition)
                .mapToLong(MetricSample::storedOffset).findFirst().orElse(-1);
    }

    /** The stall events of partition 1, oldest first. */
    private static List<HistoryEntry> stalls(StateDatabase state) {
        List<HistoryEntry> oldestFirst = new ArrayList<>(state.history().query(HistoryFilter.of("orders")
                .types(MirrorEvent.Type.PARTITION_STALLED, MirrorEvent.Type.PARTITION_STALL_ENDED)).stream()
                .filter(e -> e.partition() == 1).toList());
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(Condition condition, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.holds()) {
            assertThat(System.nanoTime()).as("time waiting for " + what).isLessThan(deadline);
        }
    }
}
