package io.kafmirror.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.evidence.EvidenceKey;
import io.kafmirror.engine.state.HistoryEntry;
import io.kafmirror.engine.state.HistoryFilter;
import io.kafmirror.engine.state.Lifecycle;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.SourceProducer;
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
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kaf-mirror run} as its own process: follows pause and resume from the CLI, and SIGTERM stores what it read. */
class RunCliTest {

    private static final String ME = System.getProperty("user.name");

    @TempDir
    Path dir;

    private final KafkaTestBroker broker = KafkaTestBroker.shared();

    @Test
    void runMirrorsDeclaredJobsFollowsPauseAndResumeAndStopsCleanlyOnSigterm() throws Exception {
        String topic = "run.orders";
        broker.createTopic(topic, 2, Map.of());
        Path config = dir.resolve("config.yml");
        Files.writeString(config, """
                clusters:
                  prod:
                    brokers: "%s"
                stores:
                  local:
                    type: local
                    path: %s
                jobs:
                  live:
                    source: prod
                    store: local
                    topics: "run\\\\..*"
                    flush: { max_bytes: 64KiB, max_linger: 200ms }
                """.formatted(broker.bootstrap(), dir.resolve("store")));
        String data = dir.resolve("data").toString();
        Process run = CliProcess.start(dir.resolve("run.log"), "kaf-mirror running", "run", "--config", config.toString(), "--data", data, "--sample-every", "1");
        try (SourceProducer producer = SourceProducer.to(broker.bootstrap())) {
            produce(producer, topic, 0, 100);
            await(() -> statusShows(data, "live", topic, 50), "jobs status showing 50 stored per partition", run);

            assertThat(CliRun.of("jobs", "pause", "live", "--data", data).exitCode()).isZero();
            await(() -> CliRun.of("jobs", "status", "live", "--data", data).out().contains("paused"), "paused", run);
            Thread.sleep(3_000);
            produce(producer, topic, 100, 40);
            Thread.sleep(2_000);
            assertThat(stored(topic)).as("stored while paused").isEqualTo(100);

            assertThat(CliRun.of("jobs", "resume", "live", "--data", data).exitCode()).isZero();
            await(() -> statusShows(data, "live", topic, 70), "the job catching up after resume", run);
        } finally {
            run.destroy();
        }
        assertThat(run.waitFor(90, TimeUnit.SECONDS)).as("run exits after SIGTERM").isTrue();
        assertThat(run.exitValue()).isIn(0, 143);
        try (SegmentCatalog catalog = SegmentCatalog.open(dir.resolve("data").resolve("catalogs").resolve("local"));
             LocalSegmentStore store = new LocalSegmentStore(dir.resolve("store"))) {
            Map<Integer, List<KfsRecord>> stored = StoredRecords.of(new SegmentArchive(store, catalog), "prod", topic);
            assertThat(stored).isEqualTo(SourceRecords.of(broker.bootstrap(), topic));
        }
        assertThat(CliRun.of("audit", "list", "--data", data).out()).containsPattern("1\\s+\\S+\\s+" + ME + "\\s+job\\.add\\s+live\\s+ok")
                .containsPattern("2\\s+\\S+\\s+" + ME + "\\s+job\\.pause\\s+live\\s+ok").containsPattern("3\\s+\\S+\\s+" + ME + "\\s+job\\.resume\\s+live\\s+ok");
        CliRun audit = CliRun.of("audit", "verify", "--config", config.toString(), "--data", data);
        assertThat(audit.exitCode()).as(audit.out()).isZero();
        assertThat(audit.out()).as("anchored as it started (entry 1) and as it stopped (entry 3)")
                .contains("Checked against 2 anchor(s) in store(s) local.");
        assertThat(Path.of(data).resolve(EvidenceKey.FILE)).as("the evidence signing key is created at the first start").isRegularFile();
        try (StateDatabase state = StateDatabase.open(Path.of(data), "test")) {
            assertThat(state.history().query(HistoryFilter.of("live").types(Lifecycle.RUN_STOPPED)))
                    .as("the stop is in the history: H2 must not close the database before the engine has written it")
                    .extracting(HistoryEntry::message).anySatisfy(m -> assertThat(m).startsWith("stopped because"));
        }
    }

    private long stored(String topic) {
        try (SegmentCatalog catalog = SegmentCatalog.open(dir.resolve("data").resolve("catalogs").resolve("local"));
             LocalSegmentStore store = new LocalSegmentStore(dir.resolve("store"))) {
            return StoredRecords.count(new SegmentArchive(store, catalog), "prod", topic);
        }
    }

    private static boolean statusShows(String data, String job, String topic, long stored) {
        String out = CliRun.of("jobs", "status", job, "--full", "--data", data).out();
        return out.lines().filter(l -> l.contains(topic)).count() == 2
                && out.lines().filter(l -> l.contains(topic)).allMatch(l -> l.matches(".*\\s" + stored + "\\s+0\\s.*"));
    }

    private static void produce(SourceProducer producer, String topic, int from, int count) {
        for (int i = from; i < from + count; i++) {
            producer.send(topic, i % 2, "k" + i, "order " + i);
        }
        producer.confirm();
    }

    private static void await(BooleanSupplier condition, String what, Process run) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(run.isAlive()).as("kaf-mirror run alive").isTrue();
            assertThat(System.nanoTime()).as("time waiting for " + what).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
