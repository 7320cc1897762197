package io.kafmirror.engine.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.snapshot.TopicConfig;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Which stored configs a created target topic keeps, what the operator changes, and what fits a smaller cluster. */
class NewTargetTopicTest {

    private static final SourceTopic ORDERS = new SourceTopic("orders", 12, OptionalInt.of(3), Map.of(
            "cleanup.policy", new TopicConfig("compact", TopicConfig.TOPIC_OVERRIDE),
            "retention.ms", new TopicConfig("2592000000", "STATIC_BROKER_CONFIG"),
            "max.message.bytes", new TopicConfig("1048588", "DEFAULT_CONFIG"),
            "min.insync.replicas", new TopicConfig("2", "DYNAMIC_DEFAULT_BROKER_CONFIG"),
            "unclean.leader.election.enable", new TopicConfig("true", "STATIC_BROKER_CONFIG"),
            "sasl.secret.thing", new TopicConfig(null, TopicConfig.TOPIC_OVERRIDE)),
            "the topics snapshot snapshots/prod/topics/x");

    @Test
    void keepsTheTopicsOverridesAndTheConfigsThatDecideWhatItKeeps() {
        NewTargetTopic topic = new NewTargetTopic("orders", ORDERS, TargetOptions.asStored(), 3);

        assertThat(topic.configs()).containsExactlyInAnyOrderEntriesOf(Map.of("cleanup.policy", "compact",
                "retention.ms", "2592000000", "max.message.bytes", "1048588", "min.insync.replicas", "2"));
        assertThat(topic.newTopic().numPartitions()).isEqualTo(12);
        assertThat(topic.newTopic().replicationFactor()).isEqualTo((short) 3);
        assertThat(topic.warnings()).hasSize(2)
                .anySatisfy(w -> assertThat(w).contains("withheld the values of [sasl.secret.thing]"))
                .anySatisfy(w -> assertThat(w).contains("inherited from its brokers (unclean.leader.election.enable=true)"));
    }

    @Test
    void theOperatorsConfigsWinAndAnEmptyValueLeavesAConfigToTheTarget() {
        NewTargetTopic topic = new NewTargetTopic("orders", ORDERS, new TargetOptions(Map.of("retention.ms", "-1",
                "max.message.bytes", "", "unclean.leader.election.enable", "false", "sasl.secret.thing", "s3cret"),
                OptionalInt.of(2), false), 3);

        assertThat(topic.configs()).containsEntry("retention.ms", "-1").containsEntry("unclean.leader.election.enable", "false")
                .containsEntry("sasl.secret.thing", "s3cret").doesNotContainKey("max.message.bytes");
        assertThat(topic.newTopic().replicationFactor()).isEqualTo((short) 2);
        assertThat(topic.warnings()).isEmpty();
    }

    @Test
    void aSmallerClusterGetsAFittingReplicationFactorAndMinInsyncReplicas() {
        NewTargetTopic topic = new NewTargetTopic("orders", ORDERS, new TargetOptions(Map.of("sasl.secret.thing", "s",
                "unclean.leader.election.enable", "true"), OptionalInt.empty(), false), 1);

        assertThat(topic.newTopic().replicationFactor()).isEqualTo((short) 1);
        assertThat(topic.configs()).containsEntry("min.insync.replicas", "1");
        assertThat(topic.warnings()).containsExactly(
                "Topic 'orders' is created with replication factor 1, not the source's 3: the target cluster has 1 broker(s).",
                "Topic 'orders' is created with min.insync.replicas=1, not the source's 2, to fit its replication factor:"
                        + " with more, every write of the restore would be refused.");
    }

    @Test
    void withoutASnapshotTheTargetsDefaultsApply() {
        SourceTopic unknown = new SourceTopic("orders", 3, OptionalInt.empty(), Map.of(), "the stored records alone (why)");

        NewTargetTopic topic = new NewTargetTopic("orders", unknown, TargetOptions.asStored(), 3);

        assertThat(topic.newTopic().replicationFactor()).isEqualTo((short) -1);
        assertThat(topic.newTopic().configs()).isEmpty();
        assertThat(topic.warnings()).containsExactly("Topic 'orders' is created with 3 partitions from the stored records alone"
                + " (why); its replication factor and configs are the target cluster's defaults. Give --replication-factor and"
                + " --topic-config name=value to choose them.");
    }
}
