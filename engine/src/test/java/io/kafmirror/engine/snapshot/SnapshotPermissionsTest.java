package io.kafmirror.engine.snapshot;

import static io.kafmirror.engine.testkit.KafkaTestBroker.allowScramUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.kfs.store.LocalSegmentStore;
import io.kafmirror.kfs.store.ObjectRetention;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots taken by a backup user with too few permissions on a broker that enforces ACLs: what the user may not
 * see is left out and named with the permission to grant, and everything else is still stored.
 */
class SnapshotPermissionsTest {

    @TempDir
    static Path dir;
    static KafkaTestBroker broker;

    @BeforeAll
    static void startBrokerWithAcls() throws Exception {
        broker = KafkaTestBroker.enforcingAcls(dir.resolve("broker"));
        broker.createTopic("acl.orders", 2, Map.of("retention.ms", "3600000"));
        broker.createTopic("acl.audit", 1, Map.of());
        broker.grant(List.of(
                allowScramUser(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL, AclOperation.DESCRIBE),
                allowScramUser(ResourceType.TOPIC, "acl.", PatternType.PREFIXED, AclOperation.DESCRIBE),
                allowScramUser(ResourceType.TOPIC, "acl.", PatternType.PREFIXED, AclOperation.READ),
                allowScramUser(ResourceType.TOPIC, "acl.orders", PatternType.LITERAL, AclOperation.DESCRIBE_CONFIGS),
                allowScramUser(ResourceType.GROUP, "app-", PatternType.PREFIXED, AclOperation.DESCRIBE)));
        try (Admin admin = broker.admin()) {
            admin.alterConsumerGroupOffsets("app-billing", Map.of(new TopicPartition("acl.orders", 1),
                    new OffsetAndMetadata(5))).all().get();
            admin.alterConsumerGroupOffsets("ops-tool", Map.of(new TopicPartition("acl.orders", 0),
                    new OffsetAndMetadata(2))).all().get();
        }
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void whatTheUserMayNotDescribeIsLeftOutAndNamedWithThePermissionToGrant() {
        SnapshotOutcome outcome;
        try (LocalSegmentStore store = new LocalSegmentStore(dir.resolve("store"));
             Admin backupUser = Admin.create(broker.scramClient(KafkaTestBroker.SCRAM_PASSWORD))) {
            SnapshotWriter writer = new SnapshotWriter(store, "prod", "w1", at -> ObjectRetention.NONE);
            outcome = new SnapshotTaker(backupUser, topic -> topic.startsWith("acl."), writer, Duration.ofSeconds(30),
                    Clock.systemUTC()).take();

            SnapshotReader reader = new SnapshotReader(store);
            assertThat(outcome.stored()).hasSize(2);
            assertThat(reader.read(outcome.stored().get(0), SnapshotKind.TOPICS).body().topics())
                    .extracting(TopicMetadata::name).containsExactly("acl.orders");
            assertThat(reader.read(outcome.stored().get(1), SnapshotKind.GROUP_OFFSETS).body()).isEqualTo(
                    new GroupOffsetsSnapshot(List.of(new GroupOffsets("app-billing", "Empty",
                            List.of(new CommittedOffset("acl.orders", 1, 5, null, ""))))));
        }
        assertThat(outcome.problems()).containsExactly(
                new SnapshotOutcome.Problem(SnapshotKind.TOPICS, "Topic acl.audit is left out of the topics snapshot:"
                        + " the source cluster does not allow the backup user DescribeConfigs on it. Grant DescribeConfigs"
                        + " on the mirrored topics, or a restore cannot recreate acl.audit as it was."),
                new SnapshotOutcome.Problem(SnapshotKind.GROUP_OFFSETS, "Consumer group ops-tool is left out of the"
                        + " group-offsets snapshot: the source cluster does not allow the backup user Describe on it."
                        + " Grant Describe on the consumer groups (a prefixed or wildcard group ACL), or a restore cannot"
                        + " move ops-tool to where it was."));
    }
}
