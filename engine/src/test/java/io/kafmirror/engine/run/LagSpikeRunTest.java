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
import io.kafmirror.engine.state.MetricSample;
import io.kafmirror.engine.state.SeriesQuery;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.SourceProducer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lag spikes of real jobs, sampled as {@code kaf-mirror run} samples them (faster: the test calls {@code sample()}
 * itself) and read back from the state database: a store that stops taking writes while a burst comes in is a spike of
 * the partitions that got the burst, until the store is back, and passes the job's lag ceiling; a steady stream and a
 * job catching up are neither.
 */
class LagSpikeRunTest {

    @TempDir
    Path dir;

    private final KafkaTestBroker broker = KafkaTestBroker.shared();

    @Test
    void aBurstWhileTheStoreIsDownIsASpikeOfItsPartitionsUntilTheStoreIsBackAndNothingWithTheDetectorOff() throws Exception {
        broker.createTopic("lag.orders", 3, Map.of());
        MirrorConfig config = new MirrorConfig(Map.of("prod", ClusterConfig.of(broker.bootstrap())),
                Map.of("local", new LocalStoreConfig(dir.resolve("store")), "quiet", new LocalStoreConfig(dir.resolve("quiet"))), null);
        try (StateDatabase state = StateDatabase.open(dir.resolve("data"), "test");
             BackupRunner runner = new BackupRunner(config, state, dir.resolve("data"), Clock.systemUTC());
             SourceProducer producer = SourceProducer.to(broker.bootstrap())) {
            // A ceiling of 10 s, so that the 12 s of the store's outage pass it too.
            state.jobs().add("orders", job("local", "lag\\.orders", new AnomalySettings(Set.of(), null, Duration.ofSeconds(10))));
            state.jobs().add("orders-quiet", job("quiet", "lag\\.orders", new AnomalySettings(Set.of(Detector.LAG_SPIKE), null)));
            runner.reconcile();
            await(() -> steadyRound(runner, producer) && caughtUp(state, "orders") && caughtUp(state, "orders-quiet"), "caught up");
            for (int i = 0; i < 40; i++) {
                steadyRound(runner, producer);
            }
            assertThat(lagSpikes(state, "orders")).as("a steady stream").isEmpty();

            // Both stores' folders are replaced by files, as on a disk gone: nothing is stored while 20,000 records come
            // to partitions 1 and 2.
            Instant down = Instant.now();
            breakStore("store");
            breakStore("quiet");
            for (int i = 0; i < 20_000; i++) {
                producer.send("lag.orders", 1 + i % 2, "burst" + i, "b".repeat(100));
            }
            producer.confirm();
            // The next sample after 12 s, as kaf-mirror run samples every 10 s: the backup is then 12 s behind.
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), down.plusSeconds(12)).toMillis()));
            await(() -> steadyRound(runner, producer) && !lagSpikes(state, "orders").isEmpty(), "a lag spike");
            Instant back = Instant.now();
            repairStore("store");
            repairStore("quiet");
            await(() -> steadyRound(runner, producer) && lagSpikes(state, "orders").size() == 2, "the end of the spike");

            List<HistoryEntry> spike = lagSpikes(state, "orders");
            HistoryEntry began = spike.get(0);
            assertThat(began.type()).isEqualTo("LAG_SPIKE");
            assertThat(began.topic()).isEqualTo("lag.orders");
            assertThat(began.partition()).as("two partitions").isEqualTo(-1);
            assertThat(began.message()).startsWith("orders: lag rose to ").contains(" at " + began.at() + ", carried by lag.orders-")
                    .contains("lag.orders-1 (").contains("lag.orders-2 (").doesNotContain("lag.orders-0 (");
            assertThat(began.at()).isAfter(down).isBefore(back);
            List<MetricSample> sinceDown = samples(state, "orders", down, began.at());
            assertThat(sinceDown).as("dated at the first sample after the store went down").allMatch(s -> s.at().equals(began.at()))
                    .anySatisfy(s -> assertThat(s.lagSeconds()).as("12 s behind").isGreaterThan(12));
            HistoryEntry ended = spike.get(1);
            assertThat(ended.type()).isEqualTo("LAG_SPIKE_ENDED");
            assertThat(ended.at()).isAfter(back);
            assertThat(ended.message()).contains("from " + began.at() + " it peaked at");
            assertThat(lagSpikes(state, "orders-quiet")).as("switched off").isEmpty();

            List<HistoryEntry> ceiling = lagOverCeiling(state, "orders");
            assertThat(ceiling).extracting(HistoryEntry::type).containsExactly("LAG_OVER_CEILING", "LAG_OVER_CEILING_ENDED");
            HistoryEntry passed = ceiling.get(0);
            assertThat(passed.at()).as("between the last sample before and the first after the store went down")
                    .isAfter(down).isBefore(began.at());
            assertThat(passed.topic()).isEqualTo("lag.orders");
            assertThat(passed.partition()).as("the partition furthest behind").isBetween(0, 2);
            assertThat(passed.message()).startsWith("orders: lag passed its ceiling of 10 seconds at " + passed.at() + "; at "
                    + began.at() + " lag.orders-").endsWith(" are only on the source. The last instant before it: "
                    + passed.at().minusMillis(1) + ".");
            assertThat(ceiling.get(1).at()).isAfter(back);
            assertThat(lagOverCeiling(state, "orders-quiet")).as("its default ceiling, 5 minutes").isEmpty();
            assertThat(state.history().query(HistoryFilter.of("orders-quiet").types(MirrorEvent.Type.STORE_ERROR)))
                    .as("its store was down too").isNotEmpty();
        }
    }

    @Test
    void aNewJobCatchingUpOnTwoDaysOfHistoryAndTheSteadyStreamAfterIsNoSpike() throws Exception {
        Instant start = Instant.now();
        broker.createTopic("lag.history", 2, Map.of("retention.ms", "-1"));
        long twoDaysAgo = Instant.now().minus(Duration.ofDays(2)).toEpochMilli();
        try (SourceProducer producer = SourceProducer.to(broker.bootstrap())) {
            for (int i = 0; i < 200_000; i++) {
                producer.send(new ProducerRecord<>("lag.history", i % 2, twoDaysAgo + i, SourceProducer.utf8("k" + i),
                        SourceProducer.utf8("history " + i + " " + "h".repeat(200))));
            }
            producer.confirm();
        }
        MirrorConfig config = new MirrorConfig(Map.of("prod", ClusterConfig.of(broker.bootstrap())),
                Map.of("local", new LocalStoreConfig(dir.resolve("store"))), null);
        try (StateDatabase state = StateDatabase.open(dir.resolve("data"), "test");
             BackupRunner runner = new BackupRunner(config, state, dir.resolve("data"), Clock.systemUTC());
             SourceProducer producer = SourceProducer.to(broker.bootstrap())) {
            state.jobs().add("history", job("local", "lag\\.history", AnomalySettings.DEFAULT));
            runner.reconcile();
            await(() -> {
                runner.sample();
                return caughtUp(state, "history");
            }, "the history stored");
            for (int i = 0; i < 60; i++) {
                steadyRound(runner, producer, "lag.history");
            }

            List<MetricSample> samples = samples(state, "history", start, Instant.now());
            assertThat(samples).as("the catch-up seen: thousands of records a day behind")
                    .anySatisfy(s -> assertThat(s.lagRecords() > 1_000 && s.lagSeconds() > 86_400).isTrue());
            assertThat(samples.size()).as("samples learned beyond the minimum").isGreaterThan(60);
            assertThat(lagSpikes(state, "history")).isEmpty();
            assertThat(lagOverCeiling(state, "history")).as("two days behind while catching up").isEmpty();
        }
    }

    /** The samples of {@code job} from {@code from} to {@code to}, each its own point. */
    private static List<MetricSample> samples(StateDatabase state, String job, Instant from, Instant to) {
        int points = (int) Math.max(1, Duration.between(from, to).toMillis());
        return state.metrics().series(SeriesQuery.of(job, from, to, points)).stream().flatMap(s -> s.points().stream()).toList();
    }

    private static JobConfig job(String store, String topics, AnomalySettings anomalies) {
        return new JobConfig("prod", store, TopicSelection.parse(topics, ""), new FlushPolicy(64L * 1024, Duration.ofMillis(200)),
                null, null, 2L << 20, null, null, null, null, anomalies);
    }

    /** A few records to every partition of lag.orders, then a sample; true, to chain with a condition. */
    private static boolean steadyRound(BackupRunner runner, SourceProducer producer) throws InterruptedException {
        return steadyRound(runner, producer, "lag.orders");
    }

    private static boolean steadyRound(BackupRunner runner, SourceProducer producer, String topic) throws InterruptedException {
        int partitions = topic.equals("lag.orders") ? 3 : 2;
        for (int p = 0; p < partitions; p++) {
            producer.send(topic, p, "steady", "s".repeat(100));
        }
        producer.confirm();
        Thread.sleep(50);
        runner.sample();
        return true;
    }

    private static boolean caughtUp(StateDatabase state, String job) {
        List<MetricSample> latest = state.metrics().latest(job);
        return !latest.isEmpty() && latest.stream().allMatch(s -> s.lagRecords() == 0);
    }

    private static List<HistoryEntry> lagSpikes(StateDatabase state, String job) {
        List<HistoryEntry> oldestFirst = new ArrayList<>(state.history().query(HistoryFilter.of(job)
                .types(MirrorEvent.Type.LAG_SPIKE, MirrorEvent.Type.LAG_SPIKE_SEVERE, MirrorEvent.Type.LAG_SPIKE_ENDED)));
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    private static List<HistoryEntry> lagOverCeiling(StateDatabase state, String job) {
        List<HistoryEntry> oldestFirst = new ArrayList<>(state.history().query(HistoryFilter.of(job)
                .types(MirrorEvent.Type.LAG_OVER_CEILING, MirrorEvent.Type.LAG_OVER_CEILING_ENDED)));
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    private void breakStore(String name) throws Exception {
        Files.move(dir.resolve(name), dir.resolve(name + ".away"));
        Files.writeString(dir.resolve(name), "in the way");
    }

    private void repairStore(String name) throws Exception {
        Files.delete(dir.resolve(name));
        Files.move(dir.resolve(name + ".away"), dir.resolve(name));
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(Condition condition, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!condition.holds()) {
            assertThat(System.nanoTime()).as("time waiting for " + what).isLessThan(deadline);
        }
    }
}
