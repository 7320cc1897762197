package io.kafmirror.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.app.KafMirror;
import io.kafmirror.engine.state.MetricSample;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.engine.testkit.SourceRecords;
import io.kafmirror.engine.testkit.StoredRecords;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.format.KfsRecord;
import io.kafmirror.kfs.store.LocalSegmentStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kaf-mirror demo --headless} as its own process, as a script or a service manager runs it: ready, backing up
 * both topics, stopped by SIGTERM with exit 0 and the store equal to the demo cluster's log; started again on the same
 * folder, it carries on with the same cluster and store.
 */
class DemoCommandTest {

    private static final List<String> TOPICS = List.of(DemoEvents.ORDERS, DemoEvents.PAYMENTS);

    @TempDir
    Path dir;

    @Test
    void theHeadlessDemoBacksUpItsTrafficStopsCleanlyOnSigtermAndCarriesOnWhenStartedAgain() throws Exception {
        runUntilBothTopicsAreStoredThenSigterm("first");
        String clusterId = Files.readString(dir.resolve("broker/log/meta.properties"));
        Map<String, Map<Integer, List<KfsRecord>>> first = storedEqualsSource();

        runUntilBothTopicsAreStoredThenSigterm("second");
        assertThat(Files.readString(dir.resolve("broker/log/meta.properties"))).as("not formatted again").isEqualTo(clusterId);
        Map<String, Map<Integer, List<KfsRecord>>> second = storedEqualsSource();
        for (String topic : TOPICS) {
            first.get(topic).forEach((partition, records) -> assertThat(second.get(topic).get(partition))
                    .as("%s-%d of the second run starts with the first run's records", topic, partition)
                    .startsWith(records.toArray(KfsRecord[]::new)));
            assertThat(count(second.get(topic))).as("records of %s", topic).isGreaterThan(count(first.get(topic)));
        }
    }

    /** Starts the demo, waits until every partition of both topics has stored records beyond the previous run, SIGTERMs it. */
    private void runUntilBothTopicsAreStoredThenSigterm(String run) throws Exception {
        Map<String, Long> before = storedOffsets();
        Path output = dir.resolve(run + "-demo.out");
        Process demo = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), KafMirror.class.getName(), "demo", "--headless", "--dir", dir.toString())
                .redirectOutput(output.toFile()).redirectError(dir.resolve(run + "-demo.log").toFile()).start();
        try {
            long started = System.nanoTime();
            long deadline = started + Duration.ofSeconds(60).toNanos();
            while (Files.readAllLines(output).isEmpty()) {
                assertThat(demo.isAlive()).as("demo alive").isTrue();
                assertThat(System.nanoTime()).as("time waiting for the ready line").isLessThan(deadline);
                Thread.sleep(100);
            }
            System.out.printf("%s demo run ready after %.1f s%n", run, (System.nanoTime() - started) / 1e9);
            assertThat(Files.readAllLines(output).get(0)).as("first line of the %s run", run)
                    .startsWith("demo ready: cluster 127.0.0.1:")
                    .endsWith(", store " + dir.resolve("store") + ", config " + dir.resolve("kaf-mirror.yml"));
            Map<String, Long> stored = storedOffsets();
            while (!TOPICS.stream().allMatch(t -> stored(stored, t, before) == partitions(t))) {
                assertThat(demo.isAlive()).as("demo alive").isTrue();
                assertThat(System.nanoTime()).as("time waiting for stored records of every partition").isLessThan(deadline);
                Thread.sleep(500);
                stored.clear();
                stored.putAll(storedOffsets());
            }
        } finally {
            demo.destroy();
        }
        assertThat(demo.waitFor(30, TimeUnit.SECONDS)).as("the demo exits within 30 s of SIGTERM").isTrue();
        assertThat(demo.exitValue()).as("exit code after SIGTERM").isZero();
        List<String> lines = Files.readAllLines(output);
        lines.forEach(System.out::println);
        assertThat(lines).last().isEqualTo("demo stopped.");
    }

    /** The stored records of both topics equal the demo cluster's, read by starting that cluster again on its folder. */
    private Map<String, Map<Integer, List<KfsRecord>>> storedEqualsSource() {
        Map<String, Map<Integer, List<KfsRecord>>> stored = new TreeMap<>();
        try (DemoCluster cluster = DemoCluster.start(dir.resolve("broker"));
             SegmentCatalog catalog = SegmentCatalog.open(dir.resolve("catalogs").resolve(DemoConfig.STORE));
             LocalSegmentStore store = new LocalSegmentStore(dir.resolve("store"))) {
            for (String topic : TOPICS) {
                Map<Integer, List<KfsRecord>> records = StoredRecords.of(new SegmentArchive(store, catalog), DemoConfig.CLUSTER, topic);
                assertThat(records).as("stored %s", topic).isEqualTo(SourceRecords.of(cluster.bootstrap(), topic));
                stored.put(topic, records);
            }
        }
        return stored;
    }

    /** Each partition's stored offset as the demo last sampled it, by "topic-partition". */
    private Map<String, Long> storedOffsets() {
        if (!Files.exists(dir.resolve("state.mv.db"))) {
            return new TreeMap<>();
        }
        Map<String, Long> offsets = new TreeMap<>();
        try (StateDatabase state = StateDatabase.open(dir, "test")) {
            for (MetricSample s : state.metrics().latest(Demo.JOB)) {
                offsets.put(s.topic() + "-" + s.partition(), s.storedOffset());
            }
        }
        return offsets;
    }

    /** How many partitions of {@code topic} stored more than {@code before} says. */
    private static long stored(Map<String, Long> now, String topic, Map<String, Long> before) {
        return now.entrySet().stream().filter(e -> e.getKey().startsWith(topic + "-"))
                .filter(e -> e.getValue() > before.getOrDefault(e.getKey(), 0L)).count();
    }

    private static int partitions(String topic) {
        return topic.equals(DemoEvents.ORDERS) ? 6 : 3;
    }

    private static long count(Map<Integer, List<KfsRecord>> records) {
        return records.values().stream().mapToLong(List::size).sum();
    }
}
