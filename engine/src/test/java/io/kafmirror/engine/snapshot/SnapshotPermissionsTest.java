package io.kafmirror.engine.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.TestListener;
import io.kafmirror.kfs.store.LocalSegmentStore;
import io.kafmirror.kfs.store.ObjectRetention;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
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

    private static final String USER = "User:" + KafkaTestBroker.SCRAM_USER;

    @TempDir
    static Path dir;
    static KafkaTestBroker broker;

    @BeforeAll
    static void startBrokerWithAcls() throws Exception {
        Properties acls = new Properties();
        acls.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        // The test's own admin and the broker's internal listeners connect as ANONYMOUS over PLAINTEXT.
        acls.put("super.users", "User:ANONYMOUS");
        broker = KafkaTestBroker.start(dir.resolve("broker"), List.of(TestListener.SCRAM), acls);
        broker.createTopic("acl.orders", 2, Map.of("retention.ms", "3600000"));
        broker.createTopic("acl.audit", 1, Map.of());
        try (Admin admin = broker.admin()) {
            List<AclBinding> grants = List.of(
                    allow(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL, AclOperation.DESCRIBE),
                    allow(ResourceType.TOPIC, "acl.", PatternType.PREFIXED, AclOperation.DESCRIBE),
                    allow(ResourceType.TOPIC, "acl.", PatternType.PREFIXED, AclOperation.READ),
                    allow(ResourceType.TOPIC, "acl.orders", PatternType.LITERAL, AclOperation.DESCRIBE_CONFIGS),
                    allow(ResourceType.GROUP, "app-", PatternType.PREFIXED, AclOperation.DESCRIBE));
            admin.createAcls(grants).all().get();
            while (admin.describeAcls(AclBindingFilter.ANY).values().get().size() < grants.size()) {
                Thread.sleep(50);
            }
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

    private static AclBinding allow(ResourceType type, String name, PatternType pattern, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(USER, "*", operation, AclPermissionType.ALLOW));
    }
}
