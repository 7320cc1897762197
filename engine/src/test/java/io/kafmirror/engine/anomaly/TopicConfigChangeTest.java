package io.kafmirror.engine.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kafmirror.engine.snapshot.TopicConfig;
import io.kafmirror.engine.snapshot.TopicMetadata;
import io.kafmirror.engine.snapshot.TopicsSnapshot;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TopicConfigChangeTest {

    private static final UUID ORDERS = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final Instant PREVIOUS = Instant.parse("2026-12-03T09:09:05Z");
    private static final Instant SEEN = Instant.parse("2026-12-03T09:14:05Z");
    private static final String SEVEN_DAYS = "604800000";

    @Test
    void retentionLoweredIsSaidInPlainWordsWithWhatTheSourceWillDo() {
        List<TopicConfigChange> changes = TopicConfigChange.between(
                snapshot(orders(Map.of("retention.ms", topicValue(SEVEN_DAYS)))),
                snapshot(orders(Map.of("retention.ms", topicValue("3600000")))));

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.lowered()).isTrue();
            assertThat(change.sentence(SEEN, PREVIOUS)).isEqualTo("orders: retention.ms lowered from 7 days to 1 hour at "
                    + "2026-12-03T09:14:05Z — the source will delete records older than 1 hour; the backup keeps them."
                    + " The snapshot of 2026-12-03T09:09:05Z still had 7 days.");
        });
    }

    @Test
    void aLimitWhereThereWasNoneIsLoweredAndNoLimitWhereThereWasOneIsRaised() {
        TopicConfigChange limited = only(Map.of("retention.bytes", "-1"), Map.of("retention.bytes", "1073741824"));
        assertThat(limited.lowered()).isTrue();
        assertThat(limited.sentence(SEEN, PREVIOUS)).startsWith("orders: retention.bytes lowered from unlimited to 1 GiB at ")
                .contains("the source will delete a partition's oldest records once it holds more than 1 GiB");

        TopicConfigChange unlimited = only(Map.of("retention.ms", "3600000"), Map.of("retention.ms", "-1"));
        assertThat(unlimited.lowered()).isFalse();
        assertThat(unlimited.sentence(SEEN, PREVIOUS)).isEqualTo("orders: retention.ms raised from 1 hour to unlimited at "
                + "2026-12-03T09:14:05Z. The snapshot of 2026-12-03T09:09:05Z still had 1 hour.");
    }

    @Test
    void retentionRaisedIsInformational() {
        TopicConfigChange raised = only(Map.of("retention.ms", "3600000"), Map.of("retention.ms", "5400000"));

        assertThat(raised.lowered()).isFalse();
        assertThat(raised.sentence(SEEN, PREVIOUS)).startsWith("orders: retention.ms raised from 1 hour to 90 minutes at ");
    }

    @Test
    void cleanupPolicyGainingDeleteIsLoweredLosingItIsNot() {
        TopicConfigChange deleting = only(Map.of("cleanup.policy", "compact"), Map.of("cleanup.policy", "compact,delete"));
        assertThat(deleting.lowered()).isTrue();
        assertThat(deleting.sentence(SEEN, PREVIOUS)).startsWith("orders: cleanup.policy lowered from compact to compact,delete")
                .contains("the source will now delete records once they are past retention.ms or retention.bytes");

        TopicConfigChange compacting = only(Map.of("cleanup.policy", "delete"), Map.of("cleanup.policy", "compact"));
        assertThat(compacting.lowered()).isFalse();
        assertThat(compacting.sentence(SEEN, PREVIOUS)).startsWith("orders: cleanup.policy changed from delete to compact at ");

        assertThat(TopicConfigChange.between(snapshot(orders(Map.of("cleanup.policy", topicValue("compact,delete")))),
                snapshot(orders(Map.of("cleanup.policy", topicValue("delete, compact")))))).as("the same policies").isEmpty();
    }

    @Test
    void aDefaultMadeExplicitWithTheSameValueIsNoChangeButABrokerDefaultChangedIs() {
        TopicsSnapshot atDefault = snapshot(orders(Map.of("retention.ms", new TopicConfig(SEVEN_DAYS, "DEFAULT_CONFIG"))));
        TopicsSnapshot explicit = snapshot(orders(Map.of("retention.ms", topicValue(SEVEN_DAYS))));
        TopicsSnapshot brokerWide = snapshot(orders(Map.of("retention.ms",
                new TopicConfig("86400000", "DYNAMIC_DEFAULT_BROKER_CONFIG"))));

        assertThat(TopicConfigChange.between(atDefault, explicit)).isEmpty();
        assertThat(TopicConfigChange.between(atDefault, brokerWide)).extracting(TopicConfigChange::before,
                TopicConfigChange::after, TopicConfigChange::lowered).containsExactly(tuple(SEVEN_DAYS, "86400000", true));
    }

    @Test
    void otherConfigsATopicInOneSnapshotOnlyARecreatedTopicAndWithheldValuesAreNotJudged() {
        TopicsSnapshot before = snapshot(orders(Map.of("retention.ms", topicValue(SEVEN_DAYS),
                "max.message.bytes", topicValue("1048576"))));

        TopicsSnapshot otherConfigChanged = snapshot(orders(Map.of("retention.ms", topicValue(SEVEN_DAYS),
                "max.message.bytes", topicValue("1"))));
        assertThat(TopicConfigChange.between(before, otherConfigChanged)).as("not a retention config").isEmpty();
        assertThat(TopicConfigChange.between(before, snapshot())).as("deleted: TOPIC_DELETED's business").isEmpty();
        assertThat(TopicConfigChange.between(snapshot(), before)).as("added").isEmpty();
        assertThat(TopicConfigChange.between(before, snapshot(new TopicMetadata("orders", UUID.randomUUID(), 1, 1,
                Map.of("retention.ms", topicValue("1")))))).as("recreated: TOPIC_RECREATED's business").isEmpty();
        assertThat(TopicConfigChange.between(before, snapshot(orders(Map.of("retention.ms", topicValue(null))))))
                .as("withheld").isEmpty();
        assertThat(TopicConfigChange.between(before, snapshot(orders(Map.of())))).as("no longer reported").isEmpty();
    }

    @Test
    void aValueThatIsNotANumberIsAChangeNeverALowering() {
        TopicConfigChange odd = only(Map.of("retention.ms", SEVEN_DAYS), Map.of("retention.ms", "soon"));

        assertThat(odd.lowered()).isFalse();
        assertThat(odd.sentence(SEEN, PREVIOUS)).startsWith("orders: retention.ms changed from 7 days to soon at ");
    }

    @Test
    void valuesAreWrittenInTheLargestExactUnit() {
        assertThat(RetentionSetting.RETENTION_MS.words("86400000")).isEqualTo("1 day");
        assertThat(RetentionSetting.RETENTION_MS.words("1500")).isEqualTo("1,500 ms");
        assertThat(RetentionSetting.RETENTION_MS.words("0")).isEqualTo("0 ms");
        assertThat(RetentionSetting.RETENTION_BYTES.words("524288000")).isEqualTo("500 MiB");
        assertThat(RetentionSetting.RETENTION_BYTES.words("1000000")).isEqualTo("1,000,000 bytes");
    }

    private static TopicConfigChange only(Map<String, String> before, Map<String, String> after) {
        List<TopicConfigChange> changes = TopicConfigChange.between(snapshot(orders(topicValues(before))),
                snapshot(orders(topicValues(after))));
        assertThat(changes).hasSize(1);
        return changes.get(0);
    }

    private static Map<String, TopicConfig> topicValues(Map<String, String> values) {
        Map<String, TopicConfig> configs = new HashMap<>();
        values.forEach((key, value) -> configs.put(key, topicValue(value)));
        return configs;
    }

    private static TopicConfig topicValue(String value) {
        return new TopicConfig(value, TopicConfig.TOPIC_OVERRIDE);
    }

    private static TopicMetadata orders(Map<String, TopicConfig> configs) {
        return new TopicMetadata("orders", ORDERS, 3, 1, configs);
    }

    private static TopicsSnapshot snapshot(TopicMetadata... topics) {
        return new TopicsSnapshot(List.of(topics));
    }
}
