package io.kafmirror.engine.restore;

import static io.kafmirror.engine.testkit.SourceProducer.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.LocalArchive;
import io.kafmirror.engine.testkit.SourceProducer;
import io.kafmirror.engine.testkit.TestBackup;
import io.kafmirror.kfs.catalog.SegmentArchive;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restored topic read back against the backup on a real broker: equal after a restore; a record written into the
 * target afterwards, a foreign record a resume took for a restored one, and restored records deleted from the target
 * each fail at the right partition and offset, saying what differs.
 */
class RestoreVerifierTest {

    // Recent: the test broker applies its 7-day retention every half second, to producer timestamps too.
    private static final long BASE = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toEpochMilli();
    private static final String EVENTS = "verify.events";
    private static final KafkaTestBroker BROKER = KafkaTestBroker.shared();

    @TempDir
    static Path dir;
    private static LocalArchive local;
    private static RestorePlan plan;

    /** 900 records in 3 partitions, with headers, null keys and tombstones, backed up and planned up to the last. */
    @BeforeAll
    static void backUpTheEvents() throws Exception {
        local = LocalArchive.in(dir);
        BROKER.createTopic(EVENTS, 3, Map.of());
        try (SourceProducer producer = SourceProducer.to(BROKER.bootstrap())) {
            for (int i = 0; i < 900; i++) {
                RecordHeaders headers = new RecordHeaders();
                headers.add("trace", utf8("t-" + i));
                producer.send(new ProducerRecord<>(EVENTS, i % 3, BASE + i * 10L, i % 97 == 0 ? null : utf8("event-" + i),
                        i % 50 == 0 ? null : utf8("{\"id\":" + i + "}"), headers));
            }
            producer.confirm();
        }
        try (TestBackup backup = TestBackup.of(BROKER.bootstrap(), "prod", EVENTS, archive())) {
            backup.awaitStored(EVENTS, 900);
        }
        plan = new RestorePlanner(archive()).plan(RestoreRequest.of("prod", EVENTS,
                new RestorePoint.AtTime(Instant.ofEpochMilli(BASE + 900 * 10))));
    }

    @AfterAll
    static void closeArchive() {
        local.close();
    }

    @Test
    void aCompleteRestoreReadsBackEqualToTheBackup() throws Exception {
        RestoreTarget target = restoredInto("verify.events.complete");

        RestoreVerification verification = verifier(target).verify();

        assertThat(verification.passed()).as("first mismatch: %s", verification.firstMismatch()).isTrue();
        assertThat(verification.partitions()).containsExactly(new RestoreVerification.Partition(0, 300, 300, 0),
                new RestoreVerification.Partition(1, 300, 300, 0), new RestoreVerification.Partition(2, 300, 300, 0));
        assertThat(verification.duration()).isPositive();
    }

    @Test
    void aRecordWrittenIntoTheTargetAfterTheRestoreFailsTheCountAtItsOffset() throws Exception {
        RestoreTarget target = restoredInto("verify.events.extra");
        try (SourceProducer producer = SourceProducer.to(BROKER.bootstrap())) {
            producer.send(target.topic(), 1, "late", "written after the restore");
            producer.confirm();
        }

        RestoreVerification verification = verifier(target).verify();

        assertThat(verification.passed()).isFalse();
        assertThat(verification.partitions()).containsExactly(new RestoreVerification.Partition(0, 300, 300, 0),
                new RestoreVerification.Partition(1, 300, 301, 0), new RestoreVerification.Partition(2, 300, 300, 0));
        assertThat(verification.firstMismatch().partition()).isEqualTo(1);
        assertThat(verification.firstMismatch().targetOffset()).isEqualTo(300);
        assertThat(verification.firstMismatch().difference()).contains("a record the restore did not write")
                .contains("it wrote 300 records from offset 0");
    }

    @Test
    void aForeignRecordThatAResumeTookForARestoredOneIsFoundWithWhatDiffers() throws Exception {
        String topic = "verify.events.foreign";
        BROKER.createTopic(topic, 3, Map.of());
        try (SourceProducer producer = SourceProducer.to(BROKER.bootstrap())) {
            producer.send(topic, 2, "intruder", "not from the backup");
            producer.confirm();
        }
        // Started at offset 0, the restore counts the foreign record as its own first one of partition 2 and skips it.
        RestoreTarget target = new RestoreTarget(topic, Map.of(0, 0L, 1, 0L, 2, 0L));
        new RestoreRun(archive(), plan, client(), target, 0, Clock.systemUTC()).run();

        RestoreVerification verification = verifier(target).verify();

        assertThat(verification.passed()).isFalse();
        assertThat(verification.partitions()).containsExactly(new RestoreVerification.Partition(0, 300, 300, 0),
                new RestoreVerification.Partition(1, 300, 300, 0), new RestoreVerification.Partition(2, 300, 300, 1));
        assertThat(verification.firstMismatch().partition()).isEqualTo(2);
        assertThat(verification.firstMismatch().targetOffset()).isZero();
        assertThat(verification.firstMismatch().difference())
                .contains("differs from the one restored from source offset 0 in its key, value, headers, timestamp ("
                        + (BASE + 20) + " in the backup");
    }

    @Test
    void restoredRecordsDeletedFromTheTargetFailSayingWhatRemovedThemAndWhatToDo() throws Exception {
        RestoreTarget target = restoredInto("verify.events.deleted");
        try (Admin admin = BROKER.admin()) {
            admin.deleteRecords(Map.of(new TopicPartition(target.topic(), 0), RecordsToDelete.beforeOffset(5))).all().get();
        }

        RestoreVerification verification = verifier(target).verify();

        assertThat(verification.passed()).isFalse();
        assertThat(verification.partitions().get(0)).isEqualTo(new RestoreVerification.Partition(0, 300, 295, 0));
        assertThat(verification.firstMismatch().partition()).isZero();
        assertThat(verification.firstMismatch().targetOffset()).isZero();
        assertThat(verification.firstMismatch().difference()).contains("no longer holds offsets 0 to 4 (its log starts at 5)")
                .contains("restore into a topic with retention.ms=-1");
    }

    /** The plan restored into a new topic {@code topic}. */
    private static RestoreTarget restoredInto(String topic) throws InterruptedException {
        BROKER.createTopic(topic, 3, Map.of());
        RestoreTarget target = new RestoreTarget(topic, Map.of(0, 0L, 1, 0L, 2, 0L));
        RestoreOutcome outcome = new RestoreRun(archive(), plan, client(), target, 0, Clock.systemUTC()).run();
        assertThat(outcome.completed()).isTrue();
        return target;
    }

    private static RestoreVerifier verifier(RestoreTarget target) {
        return new RestoreVerifier(archive(), plan, client(), target, Clock.systemUTC());
    }

    private static SegmentArchive archive() {
        return local.archive();
    }

    private static Properties client() {
        Properties client = new Properties();
        client.put("bootstrap.servers", BROKER.bootstrap());
        return client;
    }
}
