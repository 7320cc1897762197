package io.kafmirror.engine.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafmirror.engine.snapshot.SnapshotTaker;
import io.kafmirror.engine.snapshot.SnapshotWriter;
import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.LocalArchive;
import io.kafmirror.engine.testkit.SourceProducer;
import io.kafmirror.engine.testkit.SourceRecords;
import io.kafmirror.engine.testkit.TestBackup;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.store.ObjectRetention;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Target topics on a real broker, for a backup of a compacted topic with four partitions of which two hold
 * records, and a topics snapshot taken half a second after its first record.
 */
class TargetTopicTest {

    // Recent: the test broker applies retention to the restored timestamps too.
    private static final long BASE = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toEpochMilli();
    private static final String SOURCE = "target.orders";
    private static final Instant AFTER_SNAPSHOT = Instant.ofEpochMilli(BASE + 10_000);
    private static final Instant BEFORE_SNAPSHOT = Instant.ofEpochMilli(BASE + 250);

    private static final KafkaTestBroker BROKER = KafkaTestBroker.shared();

    @TempDir
    static Path dir;
    private static LocalArchive local;
    private static SegmentArchive archive;
    private static Admin admin;

    @BeforeAll
    static void backUpTheSource() throws Exception {
        local = LocalArchive.in(dir);
        archive = local.archive();
        admin = BROKER.admin();
        BROKER.createTopic(SOURCE, 4, Map.of("cleanup.policy", "compact", "retention.ms", "86400000"));
        try (SourceProducer producer = SourceProducer.to(BROKER.bootstrap())) {
            for (int i = 0; i < 40; i++) {
                producer.send(new ProducerRecord<>(SOURCE, i % 2, BASE + i * 100L, SourceProducer.utf8("order-" + i),
                        SourceProducer.utf8("placed " + i)));
            }
            producer.confirm();
        }
        SnapshotWriter writer = new SnapshotWriter(archive.store(), "prod", "target-test", at -> ObjectRetention.NONE);
        Clock snapshotTime = Clock.fixed(Instant.ofEpochMilli(BASE + 500), ZoneOffset.UTC);
        new SnapshotTaker(admin, SOURCE::equals, writer, Duration.ofSeconds(30), snapshotTime).take();
        try (TestBackup backup = TestBackup.of(BROKER.bootstrap(), "prod", SOURCE, archive)) {
            backup.awaitStored(SOURCE, 40);
        }
    }

    @AfterAll
    static void close() {
        admin.close();
        local.close();
    }

    @Test
    void aMissingTopicIsCreatedAsTheSnapshotDescribesItAndTakesTheRestore() throws Exception {
        RestorePlan plan = plan(AFTER_SNAPSHOT);
        SourceTopic source = SourceTopic.of(plan, archive, Clock.systemUTC());

        PreparedTarget prepared = target("target.orders.created").prepare(plan, source, TargetOptions.asStored());
        RestoreOutcome outcome = new RestoreRun(archive, plan, client(), prepared.target(), 0, Clock.systemUTC()).run();

        assertThat(source.origin()).startsWith("the topics snapshot snapshots/prod/topics/");
        assertThat(prepared.created()).isTrue();
        assertThat(prepared.warnings()).isEmpty();
        assertThat(prepared.target().startOffsets()).isEqualTo(Map.of(0, 0L, 1, 0L));
        assertThat(partitions("target.orders.created")).isEqualTo(4);
        assertThat(configs("target.orders.created")).containsEntry("cleanup.policy", "compact").containsEntry("retention.ms", "86400000");
        assertThat(outcome.completed()).isTrue();
        assertThat(SourceRecords.of(BROKER.bootstrap(), "target.orders.created")).isEqualTo(SourceRecords.of(BROKER.bootstrap(), SOURCE));
    }

    @Test
    void withoutASnapshotTheStoredPartitionsDecideAndTheTargetsDefaultsApply() throws Exception {
        RestorePlan plan = plan(BEFORE_SNAPSHOT);
        SourceTopic source = SourceTopic.of(plan, archive, Clock.systemUTC());

        PreparedTarget prepared = target("target.orders.unsnapped").prepare(plan, source, TargetOptions.asStored());

        assertThat(partitions("target.orders.unsnapped")).isEqualTo(2);
        assertThat(configs("target.orders.unsnapped")).containsEntry("cleanup.policy", "delete");
        assertThat(prepared.warnings()).singleElement().asString()
                .contains("Topic 'target.orders.unsnapped' is created with 2 partitions from the stored records alone")
                .contains("no topics snapshot of cluster 'prod' was taken at or before " + BEFORE_SNAPSHOT)
                .contains("--topic-config name=value");
    }

    @Test
    void anEmptyExistingTopicIsWrittenFromItsEndWithWarningsForWhatItChanges() throws Exception {
        String topic = "target.orders.emptied";
        BROKER.createTopic(topic, 4, Map.of("message.timestamp.type", "LogAppendTime"));
        produce(topic, 1, 5);
        admin.deleteRecords(Map.of(new TopicPartition(topic, 1), RecordsToDelete.beforeOffset(5))).all().get();
        RestorePlan plan = plan(AFTER_SNAPSHOT);

        PreparedTarget prepared = target(topic).prepare(plan, SourceTopic.of(plan, archive, Clock.systemUTC()),
                new TargetOptions(Map.of("retention.ms", "-1"), OptionalInt.empty(), false));

        assertThat(prepared.created()).isFalse();
        assertThat(prepared.target().startOffsets()).isEqualTo(Map.of(0, 0L, 1, 5L));
        assertThat(prepared.warnings()).anySatisfy(w -> assertThat(w).contains("cleanup.policy=delete, the source had compact"))
                .anySatisfy(w -> assertThat(w).contains("message.timestamp.type=LogAppendTime").contains("original timestamps are lost"))
                .anySatisfy(w -> assertThat(w).contains("exists on the target, so --topic-config and --replication-factor are not applied"))
                .hasSize(3);
        assertThat(configs(topic)).containsEntry("retention.ms", "604800000");
    }

    @Test
    void anExistingTopicWithTooFewPartitionsIsRefused() {
        BROKER.createTopic("target.orders.narrow", 1, Map.of());
        RestorePlan plan = plan(AFTER_SNAPSHOT);

        assertThatThrownBy(() -> target("target.orders.narrow").prepare(plan, SourceTopic.of(plan, archive, Clock.systemUTC()),
                TargetOptions.asStored()))
                .isInstanceOf(TargetTopicException.class)
                .hasMessageContaining("Topic 'target.orders.narrow' on the target has 1 partition(s), but the restore writes"
                        + " partition(s) [1]")
                .hasMessageContaining("Add partitions to it (to 2)");
    }

    @Test
    void aNonEmptyTopicIsRefusedUnlessTheRestoreAppends() throws Exception {
        String topic = "target.orders.busy";
        BROKER.createTopic(topic, 2, Map.of("cleanup.policy", "compact"));
        produce(topic, 0, 3);
        produce(topic, 1, 2);
        RestorePlan plan = plan(AFTER_SNAPSHOT);
        SourceTopic source = SourceTopic.of(plan, archive, Clock.systemUTC());

        assertThatThrownBy(() -> target(topic).prepare(plan, source, TargetOptions.asStored()))
                .isInstanceOf(TargetTopicException.class)
                .hasMessageContaining("Topic 'target.orders.busy' on the target already holds 5 records")
                .hasMessageContaining("--append");
        PreparedTarget appended = target(topic).prepare(plan, source, new TargetOptions(Map.of(), OptionalInt.empty(), true));

        assertThat(appended.target().startOffsets()).isEqualTo(Map.of(0, 3L, 1, 2L));
        assertThat(appended.warnings()).isEmpty();
    }

    @Test
    void aRetentionShorterThanTheRestoredRecordsAgeIsAWarning() throws Exception {
        RestorePlan plan = plan(AFTER_SNAPSHOT);

        PreparedTarget prepared = target("target.orders.brief").prepare(plan, SourceTopic.of(plan, archive, Clock.systemUTC()),
                new TargetOptions(Map.of("cleanup.policy", "delete", "retention.ms", "600000"), OptionalInt.empty(), false));

        assertThat(configs("target.orders.brief")).containsEntry("cleanup.policy", "delete").containsEntry("retention.ms", "600000");
        assertThat(prepared.warnings()).singleElement().asString()
                .contains("deletes records older than retention.ms=600000 (PT10M)")
                .contains("every restored record is from " + AFTER_SNAPSHOT + " or before");
    }

    private static RestorePlan plan(Instant at) {
        return new RestorePlanner(archive).plan(RestoreRequest.of("prod", SOURCE, new RestorePoint.AtTime(at)));
    }

    private static void produce(String topic, int partition, int records) {
        try (SourceProducer producer = SourceProducer.to(BROKER.bootstrap())) {
            for (int i = 0; i < records; i++) {
                producer.send(topic, partition, "live-" + i, "already there");
            }
            producer.confirm();
        }
    }

    private static TargetTopic target(String topic) {
        return new TargetTopic(admin, topic, Clock.systemUTC());
    }

    private static Properties client() {
        Properties client = new Properties();
        client.put("bootstrap.servers", BROKER.bootstrap());
        return client;
    }

    private static int partitions(String topic) throws Exception {
        return known(topic).partitions().size();
    }

    private static Map<String, String> configs(String topic) throws Exception {
        known(topic);
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
        return config.entries().stream().collect(Collectors.toMap(ConfigEntry::name, e -> String.valueOf(e.value())));
    }

    /** The topic once the broker serves it: a creation is acknowledged by the controller before the broker knows it. */
    private static TopicDescription known(String topic) throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || attempt == 100) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }
}
