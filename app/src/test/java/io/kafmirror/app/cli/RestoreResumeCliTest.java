package io.kafmirror.app.cli;

import static io.kafmirror.engine.testkit.SourceProducer.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.app.KafMirror;
import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.SourceProducer;
import io.kafmirror.engine.testkit.SourceRecords;
import io.kafmirror.engine.testkit.TestBackup;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.format.KfsRecord;
import io.kafmirror.kfs.store.LocalSegmentStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code kaf-mirror restore} killed with SIGKILL or stopped with SIGTERM mid-way, asked again: it resumes from the state
 * database, every record once; SIGTERM first records the cancel.
 */
class RestoreResumeCliTest {

    // Recent: the test broker applies its 7-day retention to producer timestamps every half second.
    private static final long BASE = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toEpochMilli();

    @TempDir
    Path dir;

    private final KafkaTestBroker broker = KafkaTestBroker.shared();

    @Test
    void aKilledRestoreAskedAgainResumesAndEndsWithEveryRecordOnce() throws Exception {
        String[] restore = backedUpLedger("resume.cli.ledger", "resume.cli.copy");

        Process first = restoreUntil300Records(restore, "resume.cli.copy");
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long killedAt = count("resume.cli.copy");
        assertThat(CliRun.of("restore", "status", "--data", data().toString()).out()).containsPattern("1\\s.*\\srunning\\s");

        CliRun again = CliRun.of(restore);

        assertThat(killedAt).as("records in the target when killed").isBetween(300L, 2_999L);
        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("Resuming restore #1").contains("Restore #1 completed: 3,000 of 3,000 records")
                .contains("Verification passed");
        Map<Integer, List<KfsRecord>> copy = SourceRecords.of(broker.bootstrap(), "resume.cli.copy");
        assertThat(copy).isEqualTo(SourceRecords.of(broker.bootstrap(), "resume.cli.ledger"));
    }

    @Test
    void aRestoreStoppedWithSigtermRecordsItsCancelAndIsResumedLater() throws Exception {
        String[] restore = backedUpLedger("cancel.cli.ledger", "cancel.cli.copy");

        Process first = restoreUntil300Records(restore, "cancel.cli.copy");
        first.destroy();

        assertThat(first.waitFor(60, TimeUnit.SECONDS)).as("the restore exits after SIGTERM").isTrue();
        assertThat(first.exitValue()).as("exit code of a cancelled restore; its stderr: %s",
                Files.readString(dir.resolve("restore.log"))).isEqualTo(KafMirror.FAILED);
        assertThat(CliRun.of("restore", "status", "--data", data().toString()).out())
                .as("the cancel is stored before the program exits").containsPattern("1\\s.*\\scancelled\\s");
        CliRun again = CliRun.of(restore);
        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("Resuming restore #1").contains("Verification passed");
        assertThat(SourceRecords.of(broker.bootstrap(), "cancel.cli.copy"))
                .isEqualTo(SourceRecords.of(broker.bootstrap(), "cancel.cli.ledger"));
    }

    /** Backs up 3,000 records of {@code topic} and returns the restore command into {@code copy}. */
    private String[] backedUpLedger(String topic, String copy) throws Exception {
        broker.createTopic(topic, 2, Map.of());
        try (SourceProducer producer = SourceProducer.to(broker.bootstrap())) {
            for (int i = 0; i < 3_000; i++) {
                producer.send(new ProducerRecord<>(topic, i % 2, BASE + i, utf8("entry-" + i), utf8("x".repeat(300) + i)));
            }
            producer.confirm();
        }
        Files.createDirectories(data().resolve("catalogs"));
        try (SegmentCatalog catalog = SegmentCatalog.open(data().resolve("catalogs/local"));
             LocalSegmentStore store = new LocalSegmentStore(dir.resolve("store"));
             TestBackup backup = TestBackup.of(broker.bootstrap(), "prod", topic, new SegmentArchive(store, catalog))) {
            backup.awaitStored(topic, 3_000);
        }
        String config = CliConfig.write(dir, broker.bootstrap()).toString();
        return new String[] {"restore", "--config", config, "--data", data().toString(), "--topic", topic,
                "--to", Instant.ofEpochMilli(BASE + 60_000).toString(), "--target", "prod", "--target-topic", copy};
    }

    /** Starts {@code restore} at 0.2 MB/s (about 5 s for the whole restore) and returns once 300 records are in {@code copy}. */
    private Process restoreUntil300Records(String[] restore, String copy) throws Exception {
        Process first = CliProcess.start(dir.resolve("restore.log"), "Plan:", append(restore, "--max-rate", "0.2"));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (count(copy) < 300) {
            assertThat(first.isAlive()).as("the first restore still running; its stderr: %s",
                    Files.readString(dir.resolve("restore.log"))).isTrue();
            assertThat(System.nanoTime()).as("time waiting for the first records in the target").isLessThan(deadline);
            Thread.sleep(50);
        }
        return first;
    }

    private Path data() {
        return dir.resolve("data");
    }

    /** Records in {@code topic}; 0 before the restore created it (reading it then would have the broker create it). */
    private long count(String topic) throws Exception {
        try (Admin admin = broker.admin()) {
            if (!admin.listTopics().names().get().contains(topic)) {
                return 0;
            }
        }
        return SourceRecords.of(broker.bootstrap(), topic).values().stream().mapToLong(List::size).sum();
    }

    private static String[] append(String[] args, String... more) {
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
