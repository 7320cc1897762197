package io.kafmirror.engine.anomaly;

import io.kafmirror.engine.snapshot.TopicConfig;
import io.kafmirror.engine.snapshot.TopicMetadata;
import io.kafmirror.engine.snapshot.TopicsSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A change of {@code retention.ms}, {@code retention.bytes} or {@code cleanup.policy} on a mirrored topic between two
 * topics snapshots. Only the values are compared: a default made explicit with the same value is no change, a broker
 * default that changed under the topic is one.
 *
 * @param topic   the topic
 * @param setting which config changed
 * @param before  its value in the earlier snapshot
 * @param after   its value in the later one
 */
public record TopicConfigChange(String topic, RetentionSetting setting, String before, String after) {

    public TopicConfigChange {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /**
     * The changes from {@code earlier} to {@code later}, by topic then setting. A topic in only one of them, or with
     * another topic ID in each, is left to the topic-deleted and topic-recreated events; a value missing or withheld
     * in either snapshot is not judged.
     */
    public static List<TopicConfigChange> between(TopicsSnapshot earlier, TopicsSnapshot later) {
        List<TopicConfigChange> changes = new ArrayList<>();
        for (TopicMetadata now : later.topics()) {
            Optional<TopicMetadata> was = earlier.topic(now.name()).filter(t -> t.topicId().equals(now.topicId()));
            for (RetentionSetting setting : RetentionSetting.values()) {
                String before = was.map(t -> value(t, setting)).orElse(null);
                String after = value(now, setting);
                if (before != null && after != null && !setting.same(before, after)) {
                    changes.add(new TopicConfigChange(now.name(), setting, before, after));
                }
            }
        }
        return changes;
    }

    /** Whether the source now deletes records sooner than before: high severity, as the backup may hold the last copy. */
    public boolean lowered() {
        return setting.lowers(before, after);
    }

    /**
     * The sentence for the operator, e.g. "orders: retention.ms lowered from 7 days to 1 hour at … — the source will
     * delete records older than 1 hour; the backup keeps them. …", for a change {@code seen} by a snapshot round and
     * not yet there at {@code previous}, the round before.
     */
    public String sentence(Instant seen, Instant previous) {
        String change = topic + ": " + setting.key() + " " + (lowered() ? "lowered" : setting.verbNotLowering(before, after))
                + " from " + setting.words(before) + " to " + setting.words(after) + " at " + seen;
        String consequence = lowered() ? " — " + setting.consequence(after) + "; the backup keeps them." : ".";
        return change + consequence + " The snapshot of " + previous + " still had " + setting.words(before) + ".";
    }

    private static String value(TopicMetadata topic, RetentionSetting setting) {
        TopicConfig config = topic.configs().get(setting.key());
        return config == null ? null : config.value();
    }
}
