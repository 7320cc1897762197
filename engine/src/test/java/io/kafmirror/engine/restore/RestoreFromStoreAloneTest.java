package io.kafmirror.engine.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.LocalArchive;
import io.kafmirror.engine.testkit.SourceRecords;
import io.kafmirror.engine.testkit.TestBackup;
import io.kafmirror.kfs.format.KfsRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source is no help when a restore is needed: a topic deleted on the source, and a whole source cluster that is
 * down, are restored from the store alone — records and topic configs, the latter from the backup's topics snapshot.
 */
class RestoreFromStoreAloneTest {

    // Recent: the test broker applies its 7-day retention every half second, to restored timestamps too.
    private static final long BASE = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toEpochMilli();
    /** A topic config only the topics snapshot in the store can give the restored topic. */
    private static final Map<String, String> FORTNIGHT = Map.of("retention.ms", String.valueOf(Duration.ofDays(14).toMillis()));

    private final KafkaTestBroker shared = KafkaTestBroker.shared();

    @TempDir
    Path dir;
    private LocalArchive local;

    @BeforeEach
    void openArchive() {
        local = LocalArchive.in(dir.resolve("backup"));
    }

    @AfterEach
    void closeArchive() {
        local.close();
    }

    @Test
    void aTopicDeletedOnTheSourceIsRestoredUnderItsNameFromTheStore() throws Exception {
        String topic = "alone.payments";
        Map<Integer, List<KfsRecord>> source = backUp(shared, topic);
        try (Admin admin = shared.admin()) {
            admin.deleteTopics(List.of(topic)).all().get();
            awaitGone(admin, topic);
        }

        PreparedTarget prepared = restoreInto(shared, topic);

        assertThat(prepared.created()).as("created again").isTrue();
        assertThat(SourceRecords.of(shared.bootstrap(), topic)).isEqualTo(source);
        assertThat(retention(shared, topic)).isEqualTo(FORTNIGHT.get("retention.ms"));
    }

    @Test
    void aSourceClusterThatIsDownIsNotNeeded() throws Exception {
        String topic = "alone.ledger";
        Map<Integer, List<KfsRecord>> source;
        try (KafkaTestBroker doomed = KafkaTestBroker.start(dir.resolve("doomed"))) {
            source = backUp(doomed, topic);
        }

        PreparedTarget prepared = restoreInto(shared, topic);

        assertThat(SourceRecords.of(shared.bootstrap(), topic)).isEqualTo(source);
        assertThat(retention(shared, topic)).isEqualTo(FORTNIGHT.get("retention.ms"));
        assertThat(prepared.created()).isTrue();
    }

    /** Creates {@code topic} on {@code broker}, fills it, backs it up with a topics snapshot and returns its records. */
    private Map<Integer, List<KfsRecord>> backUp(KafkaTestBroker broker, String topic) throws InterruptedException {
        Map<Integer, List<KfsRecord>> records = TestRecords.produce(broker, topic, 3, FORTNIGHT, 900, BASE);
        try (TestBackup backup = TestBackup.of(broker.bootstrap(), "prod", topic, local.archive())) {
            backup.awaitStored(topic, 900).snapshot(Clock.systemUTC());
        }
        return records;
    }

    /** Plans, prepares and runs a restore of {@code topic} as it is now in the backup into {@code target}, and verifies it. */
    private PreparedTarget restoreInto(KafkaTestBroker target, String topic) throws InterruptedException {
        TestRestore restore = new TestRestore(local.archive(), target);
        RestorePlan plan = restore.plan(topic, Instant.now());
        PreparedTarget prepared = restore.restore(plan, topic, TargetOptions.asStored());
        restore.assertVerified(plan, prepared.target());
        return prepared;
    }

    /** Waits until the broker, not only the controller, no longer knows {@code topic}, as an operator would find it. */
    private static void awaitGone(Admin admin, String topic) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (admin.listTopics().names().get().contains(topic)) {
            assertThat(System.nanoTime()).as("time waiting for %s to be deleted", topic).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static String retention(KafkaTestBroker broker, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (Admin admin = broker.admin()) {
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            return config.get("retention.ms").value();
        }
    }
}
