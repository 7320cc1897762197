package io.kafmirror.app.cli;

import static io.kafmirror.engine.testkit.SourceProducer.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafmirror.app.KafMirror;
import io.kafmirror.engine.config.DrillMode;
import io.kafmirror.engine.state.Heartbeat;
import io.kafmirror.engine.state.MetricsSeries;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.SegmentSabotage;
import io.kafmirror.engine.testkit.SourceProducer;
import io.kafmirror.engine.testkit.TestBackup;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.store.LocalSegmentStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kaf-mirror drills}: a restore drill run by hand passes; {@code kaf-mirror run} runs a scheduled drill never run
 * before at once; after a byte of a stored segment is flipped, verify and restore drills fail with exit code 1 naming the
 * segment; {@code drills list} shows them by job and period, as a table and as JSON, and a drill whose program was killed
 * as stopped.
 */
class DrillsCliTest {

    // Recent: the test broker applies its 7-day retention to producer timestamps every half second.
    private static final long BASE = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toEpochMilli();
    private static final String TOPIC = "drills.cli.orders";

    @TempDir
    Path dir;

    private final KafkaTestBroker broker = KafkaTestBroker.shared();
    private String[] where;

    @Test
    void drillsRunByHandAndOnScheduleAndASabotagedBackupFailsThem() throws Exception {
        broker.createTopic(TOPIC, 2, Map.of());
        try (SourceProducer producer = SourceProducer.to(broker.bootstrap())) {
            for (int i = 0; i < 300; i++) {
                producer.send(new ProducerRecord<>(TOPIC, i % 2, BASE + i, utf8("order-" + i), utf8("y".repeat(100) + i)));
            }
            producer.confirm();
        }
        Path data = backUp();
        Path config = CliConfig.write(dir, broker.bootstrap());
        // The job mirrors other topics: the drill reads the backup filled above, which nothing else writes to.
        Files.writeString(config, Files.readString(config) + """
                jobs:
                  orders:
                    source: prod
                    store: local
                    topics: "drills\\\\.live\\\\..*"
                    drills:
                      - { every: daily, at: "00:00", topics: [%s] }
                """.formatted(TOPIC));
        where = new String[] {"--config", config.toString(), "--data", data.toString()};

        CliRun byHand = cli("drills", "run", "orders");
        assertThat(byHand.exitCode()).as(byHand.out() + byHand.err()).isZero();
        assertThat(byHand.out()).contains("Drill #1 (restore of " + TOPIC + " into prod) passed: 300 records");

        Process running = CliProcess.start(dir.resolve("run.log"), "kaf-mirror running", concat(new String[] {"run"}, where));
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (!scheduledDrillEnded(data)) {
                assertThat(running.isAlive()).as("kaf-mirror run alive").isTrue();
                assertThat(System.nanoTime()).as("time waiting for the scheduled drill").isLessThan(deadline);
                Thread.sleep(500);
            }
        } finally {
            running.destroy();
        }
        assertThat(running.waitFor(90, TimeUnit.SECONDS)).as("run exits after SIGTERM").isTrue();
        JsonNode scheduled = drills(data, "--job", "orders").get(1);
        assertThat(scheduled.get("state").asText()).as(scheduled.toString()).isEqualTo("PASSED");
        assertThat(scheduled.get("actor").asText()).isEqualTo("run");

        String segment;
        try (SegmentCatalog catalog = SegmentCatalog.open(data.resolve("catalogs/local"))) {
            segment = catalog.segments("prod", TOPIC).get(0).key();
        }
        SegmentSabotage.flipByte(dir.resolve("store").resolve(segment), 200);

        CliRun verify = cli("drills", "run", "orders", "--mode", "verify");
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isEqualTo(KafMirror.FINDINGS);
        assertThat(verify.out()).contains("(verify of " + TOPIC + ") FAILED").contains(segment).contains("stored offsets");
        CliRun restore = cli("drills", "run", "orders", "--topics", TOPIC, "--target", "prod");
        assertThat(restore.exitCode()).as(restore.out() + restore.err()).isEqualTo(KafMirror.FINDINGS);
        assertThat(restore.out()).contains("FAILED").contains(segment);

        CliRun table = CliRun.of("drills", "list", "--job", "orders", "--data", data.toString());
        assertThat(table.out().lines().filter(l -> l.contains(TOPIC))).hasSize(4);
        assertThat(table.out().lines().filter(l -> l.contains(" passed "))).hasSize(2);
        assertThat(table.out().lines().filter(l -> l.contains(" failed "))).hasSize(2);
        assertThat(drills(data, "--job", "orders").findValuesAsText("state")).containsExactly("PASSED", "PASSED", "FAILED", "FAILED");
        assertThat(drills(data, "--job", "billing")).isEmpty();
        assertThat(drills(data, "--from", Instant.now().plusSeconds(60).toString(), "--to", Instant.now().plusSeconds(120).toString()))
                .isEmpty();
        CliRun refused = cli("drills", "run", "orders", "--mode", "verify", "--target", "prod");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("--target applies to --mode restore only");
    }

    @Test
    void aDrillWhoseProgramWasKilledIsListedStoppedSinceItsLastSignOfLife() throws Exception {
        Path data = dir.resolve("killed");
        Instant killed = Instant.now().minus(Heartbeat.SILENCE).minusSeconds(15).truncatedTo(ChronoUnit.MILLIS);
        long id;
        try (StateDatabase program = StateDatabase.open(data, "run", Clock.fixed(killed, ZoneOffset.UTC),
                MetricsSeries.DEFAULT_RETENTION)) {
            id = program.drills().begin("orders", null, DrillMode.VERIFY, "prod", "local", null, List.of(TOPIC), killed).id();
        }
        String since = "stopped: no sign of life since " + DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC)
                .format(killed) + " UTC — the program running it was killed or crashed";

        CliRun table = CliRun.of("drills", "list", "--data", data.toString());

        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out().lines().filter(l -> l.contains(TOPIC))).singleElement(InstanceOfAssertFactories.STRING)
                .contains(" stopped ").contains(since);
        JsonNode drill = drills(data).get(0);
        assertThat(drill.get("id").asLong()).isEqualTo(id);
        assertThat(drill.get("state").asText()).isEqualTo("STOPPED");
        assertThat(drill.get("passed").asBoolean()).isFalse();
        assertThat(drill.get("finding").asText()).isEqualTo(since);
        assertThat(drill.get("updatedAt").asText()).isEqualTo(killed.toString());
    }

    private Path backUp() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data.resolve("catalogs"));
        try (SegmentCatalog catalog = SegmentCatalog.open(data.resolve("catalogs/local"));
             LocalSegmentStore store = new LocalSegmentStore(dir.resolve("store"));
             TestBackup backup = TestBackup.of(broker.bootstrap(), "prod", TOPIC, new SegmentArchive(store, catalog))) {
            backup.awaitStored(TOPIC, 300);
        }
        return data;
    }

    private static boolean scheduledDrillEnded(Path data) throws Exception {
        JsonNode drills = drills(data, "--job", "orders");
        return drills.size() == 2 && drills.get(1).get("schedule").asText().startsWith("daily at 00:00 UTC")
                && !drills.get(1).get("state").asText().equals("RUNNING");
    }

    private static JsonNode drills(Path data, String... filter) throws Exception {
        CliRun list = CliRun.of(concat(new String[] {"drills", "list", "--json", "--data", data.toString()}, filter));
        assertThat(list.exitCode()).as(list.err()).isZero();
        return new ObjectMapper().readTree(list.out());
    }

    /** {@code args} with the configuration and data folder of this test. */
    private CliRun cli(String... args) {
        return CliRun.of(concat(args, where));
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
