package io.kafmirror.engine.restore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets the translated offsets of consumer groups on the target cluster ({@code alterConsumerGroupOffsets}). Kafka
 * moves only a group without active members, so a group still consuming is refused by the broker; every group is
 * tried, and one exception names each refused group and what to do. Setting the same offsets again is harmless.
 */
public final class GroupOffsetCommitter {

    private static final Logger LOG = LoggerFactory.getLogger(GroupOffsetCommitter.class);

    private final Admin admin;
    private final Duration timeout;

    /** A committer through {@code admin} (the caller keeps and closes it), waiting at most {@code timeout} for all groups. */
    public GroupOffsetCommitter(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /** Sets every group of {@code translation}; a {@link GroupOffsetCommitException} names the groups the target refused. */
    public void commit(GroupOffsetTranslation translation) throws InterruptedException {
        Map<String, KafkaFuture<Void>> answers = new LinkedHashMap<>();
        for (TranslatedGroup group : translation.groups()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = new LinkedHashMap<>();
            for (TranslatedOffset o : group.offsets()) {
                // No leader epoch: the source's epochs mean nothing on another cluster's or topic's log.
                offsets.put(new TopicPartition(translation.targetTopic(), o.partition()),
                        new OffsetAndMetadata(o.targetOffset(), o.metadata()));
            }
            answers.put(group.targetGroup(), admin.alterConsumerGroupOffsets(group.targetGroup(), offsets).all());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> moved = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        Throwable firstCause = null;
        for (Map.Entry<String, KafkaFuture<Void>> answer : answers.entrySet()) {
            String group = answer.getKey();
            try {
                answer.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                moved.add(group);
                LOG.info("Consumer group {} set on {}", group, translation.targetTopic());
            } catch (ExecutionException e) {
                LOG.warn("The target refused the offsets of consumer group {}: {}", group, e.getCause().toString());
                refusals.add(refusal(group, translation.targetTopic(), e.getCause()));
                firstCause = firstCause == null ? e.getCause() : firstCause;
            } catch (TimeoutException e) {
                refusals.add("The target cluster did not answer within " + timeout.toSeconds() + " s for group " + group
                        + "; check that its brokers are reachable and run again.");
                firstCause = firstCause == null ? e : firstCause;
            }
        }
        if (!refusals.isEmpty()) {
            throw new GroupOffsetCommitException(String.join(" ", refusals) + (moved.isEmpty() ? " No group was moved."
                    : " Moved: " + String.join(", ", moved) + "."), firstCause);
        }
    }

    private String refusal(String group, String topic, Throwable cause) throws InterruptedException {
        if (cause instanceof GroupAuthorizationException) {
            return "The target cluster does not allow us to set the offsets of group " + group + ": grant the restore user"
                    + " Read on that group.";
        }
        if (cause instanceof TopicAuthorizationException) {
            return "The target cluster does not allow us to set offsets on topic " + topic + " for group " + group
                    + ": grant the restore user Read on that topic.";
        }
        Collection<MemberDescription> members = members(group);
        if (!members.isEmpty()) {
            return "Consumer group " + group + " has " + members.size() + " active member(s) on the target ("
                    + members.stream().map(m -> m.clientId() + "@" + m.host()).sorted().toList() + "), and Kafka moves"
                    + " only a group without members: stop its consumers, then set its offsets again.";
        }
        return "The target cluster refused the offsets of group " + group + ": " + cause.getMessage() + ".";
    }

    /** The group's members now, to explain a refusal; none if the group cannot be described. */
    private Collection<MemberDescription> members(String group) throws InterruptedException {
        try {
            return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).members();
        } catch (ExecutionException | TimeoutException e) {
            return List.of();
        }
    }
}
