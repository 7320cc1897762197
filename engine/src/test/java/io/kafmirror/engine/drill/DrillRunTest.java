package io.kafmirror.engine.drill;

import static io.kafmirror.engine.testkit.SourceProducer.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.config.DrillMode;
import io.kafmirror.engine.mirror.MirrorEvent;
import io.kafmirror.engine.state.AuditFilter;
import io.kafmirror.engine.state.AuditOutcome;
import io.kafmirror.engine.state.DrillRecord;
import io.kafmirror.engine.state.HistoryEntry;
import io.kafmirror.engine.state.HistoryFilter;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.GatedStore;
import io.kafmirror.engine.testkit.LocalArchive;
import io.kafmirror.engine.testkit.SegmentSabotage;
import io.kafmirror.engine.testkit.SourceProducer;
import io.kafmirror.engine.testkit.TestBackup;
import io.kafmirror.kfs.catalog.SegmentArchive;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restore drills against a real broker, a real local store and a real H2 file: a restore drill of a sound backup passes
 * and leaves no scratch topic; one of a backup with a flipped byte in a stored record batch fails naming the segment,
 * partition and offsets and raises DRILL_FAILED; verify-only drills pass and fail the same way without creating a topic.
 * A drill held mid-run shows, from another opening of the database, as running with a heartbeat that advances.
 */
class DrillRunTest {

    // Recent: the test broker applies its 7-day retention to producer timestamps too.
    private static final long BASE = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toEpochMilli();
    private static final String GOOD = "drill.good";
    private static final String DAMAGED = "drill.damaged";
    private static final KafkaTestBroker BROKER = KafkaTestBroker.shared();

    @TempDir
    static Path dir;
    private static LocalArchive local;
    private static StateDatabase state;
    private static String damagedSegment;

    /** 600 records in 2 partitions of each topic, backed up; then a byte of the damaged topic's first batch flipped. */
    @BeforeAll
    static void backUpAndSabotage() throws Exception {
        local = LocalArchive.in(dir.resolve("archive"));
        state = StateDatabase.open(dir.resolve("data"), "cli");
        for (String topic : List.of(GOOD, DAMAGED)) {
            BROKER.createTopic(topic, 2, Map.of());
            try (SourceProducer producer = SourceProducer.to(BROKER.bootstrap())) {
                for (int i = 0; i < 600; i++) {
                    producer.send(new ProducerRecord<>(topic, i % 2, BASE + i, utf8("order-" + i), utf8("y".repeat(100) + i)));
                }
                producer.confirm();
            }
            try (TestBackup backup = TestBackup.of(BROKER.bootstrap(), "prod", topic, local.archive())) {
                backup.awaitStored(topic, 600);
            }
        }
        damagedSegment = local.archive().catalog().segments("prod", DAMAGED).get(0).key();
        // A byte of the first chunk's first record batch: the footer and indexes still read, the records do not.
        SegmentSabotage.flipByte(dir.resolve("archive").resolve("store").resolve(damagedSegment), 200);
    }

    @AfterAll
    static void close() {
        state.close();
        local.close();
    }

    @Test
    void aRestoreDrillOfASoundBackupPassesAndDeletesItsScratchTopic() throws Exception {
        DrillRecord drill = drill(DrillMode.RESTORE, GOOD);

        assertThat(drill.passed()).as("finding: %s", drill.finding()).isTrue();
        assertThat(drill.records()).isEqualTo(600);
        assertThat(drill.bytes()).isPositive();
        assertThat(drill.leftover()).isNull();
        assertThat(drill.targetCluster()).isEqualTo("prod");
        assertThat(scratchTopics()).isEmpty();
        assertThat(state.restores().list()).anySatisfy(r -> {
            assertThat(r.spec().targetTopic()).isEqualTo("kaf-mirror.drill." + drill.id() + "." + GOOD);
            assertThat(r.verification().passed()).isTrue();
        });
        assertThat(events(MirrorEvent.Type.DRILL_PASSED)).anySatisfy(e -> assertThat(e.message())
                .contains("drill #" + drill.id()).contains("600 records"));
        assertThat(state.drills().between(drill.startedAt(), drill.startedAt(), "orders"))
                .extracting(DrillRecord::id).containsExactly(drill.id());
    }

    @Test
    void aRestoreDrillOfASabotagedBackupFailsNamingTheSegmentAndRaisesAnAlert() throws Exception {
        DrillRecord drill = drill(DrillMode.RESTORE, DAMAGED);

        assertThat(drill.passed()).isFalse();
        assertThat(drill.finding()).contains("Topic " + DAMAGED).contains(damagedSegment).contains("chunk of partition ")
                .contains("index interval starting at offset 0:").contains("stored offsets 0 to ");
        assertThat(scratchTopics()).isEmpty();
        assertThat(drill.leftover()).isNull();
        assertThat(events(MirrorEvent.Type.DRILL_FAILED)).anySatisfy(e -> assertThat(e.message())
                .contains("drill #" + drill.id()).contains(damagedSegment));
        assertThat(MirrorEvent.Type.DRILL_FAILED.anomaly()).isTrue();
        assertThat(state.drills().get(drill.id()).state()).isEqualTo(DrillRecord.DrillState.FAILED);
        assertThat(state.audit().list(AuditFilter.all().ofAction("drill.run"))).anySatisfy(e -> {
            assertThat(e.target()).isEqualTo("drill #" + drill.id());
            assertThat(e.outcome()).isEqualTo(AuditOutcome.FAILED);
            assertThat(e.reason()).isEqualTo(drill.finding());
            assertThat(e.parameters()).contains("\"topics\":\"" + DAMAGED + "\"", "\"mode\":\"restore\"", "\"result\":\"failed\"");
        });
    }

    @Test
    void aVerifyDrillPassesOnASoundBackupWithoutCreatingATopic() throws Exception {
        Set<String> before = topics();

        DrillRecord drill = drill(DrillMode.VERIFY, GOOD);

        assertThat(drill.passed()).as("finding: %s", drill.finding()).isTrue();
        assertThat(drill.records()).isEqualTo(600);
        assertThat(drill.bytes()).isEqualTo(local.archive().catalog().segments("prod", GOOD).stream()
                .mapToLong(e -> e.size()).sum());
        assertThat(drill.targetCluster()).isNull();
        assertThat(topics()).isEqualTo(before);
    }

    @Test
    void aVerifyDrillFailsOnASabotagedBackupNamingTheSegmentWithoutCreatingATopic() throws Exception {
        Set<String> before = topics();

        DrillRecord drill = drill(DrillMode.VERIFY, DAMAGED);

        assertThat(drill.passed()).isFalse();
        assertThat(drill.finding()).contains(damagedSegment).contains("partition ").contains("stored offsets ");
        assertThat(topics()).isEqualTo(before);
        assertThat(events(MirrorEvent.Type.DRILL_FAILED)).anySatisfy(e -> assertThat(e.message())
                .contains("Verify drill #" + drill.id()));
    }

    @Test
    void aDrillHeldMidRunIsSeenRunningFromAnotherOpeningItsHeartbeatAdvancing() throws Exception {
        GatedStore gate = new GatedStore(local.archive().store());
        SegmentArchive held = new SegmentArchive(gate, local.archive().catalog());
        ExecutorService runner = Executors.newSingleThreadExecutor();
        Future<DrillRecord> running = runner.submit(() -> drill(held, DrillMode.VERIFY, GOOD));
        try {
            gate.awaitReached();
            try (StateDatabase console = StateDatabase.open(dir.resolve("data"), "console")) {
                DrillRecord seen = awaitHeartbeat(console);

                assertThat(seen.state()).isEqualTo(DrillRecord.DrillState.RUNNING);
                assertThat(seen.finding()).isNull();
                assertThat(seen.lastSign()).isAfter(seen.startedAt());
            }
        } finally {
            gate.open();
            runner.shutdown();
        }
        DrillRecord done = running.get();
        assertThat(done.passed()).as("finding: %s", done.finding()).isTrue();
        assertThat(done.lastSign()).isEqualTo(done.finishedAt());
    }

    /** The drill running now as {@code other} reads it, once its program noted that it runs (after its start). */
    private static DrillRecord awaitHeartbeat(StateDatabase other) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            List<DrillRecord> running = other.drills().between(Instant.EPOCH, Instant.now(), "orders").stream()
                    .filter(d -> d.finishedAt() == null).toList();
            assertThat(running).as("drills not ended").hasSize(1);
            if (running.get(0).lastSign().isAfter(running.get(0).startedAt())) {
                return running.get(0);
            }
            assertThat(System.nanoTime()).as("time waiting for the drill's heartbeat").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static DrillRecord drill(DrillMode mode, String topic) throws InterruptedException {
        return drill(local.archive(), mode, topic);
    }

    private static DrillRecord drill(SegmentArchive archive, DrillMode mode, String topic) throws InterruptedException {
        return new DrillRun(archive, state, state.history()::listener, Clock.systemUTC()).run(new DrillRequest("orders", null, mode, "prod",
                "local", List.of(topic), "prod", BROKER.client()));
    }

    private static List<HistoryEntry> events(MirrorEvent.Type type) {
        return state.history().query(HistoryFilter.of("orders").types(type));
    }

    private static Set<String> topics() throws Exception {
        try (Admin admin = BROKER.admin()) {
            return admin.listTopics().names().get();
        }
    }

    private static Set<String> scratchTopics() throws Exception {
        return topics().stream().filter(t -> t.startsWith(ScratchTopics.PREFIX)).collect(Collectors.toSet());
    }
}
