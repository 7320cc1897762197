package io.kafmirror.engine.mirror;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Asks the source which of its topics the job selects, with their IDs and partition counts. */
final class SourceTopics {

    private final Admin admin;
    private final Predicate<String> selection;
    private final Duration timeout;

    SourceTopics(Admin admin, Predicate<String> selection, Duration timeout) {
        this.admin = admin;
        this.selection = selection;
        this.timeout = timeout;
    }

    /** The selected topics by name; internal topics are never selected. */
    Map<String, SourceTopic> list() {
        try {
            Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(false)).names()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<String> selected = names.stream().filter(selection).sorted().toList();
            Map<String, SourceTopic> topics = new LinkedHashMap<>();
            if (selected.isEmpty()) {
                return topics;
            }
            Map<String, TopicDescription> described = describe(selected);
            for (String name : selected) {
                TopicDescription d = described.get(name);
                if (d != null) {
                    topics.put(name, new SourceTopic(name, uuid(d.topicId()), d.partitions().size()));
                }
            }
            return topics;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceAccessException("Interrupted while listing the source's topics", e);
        } catch (ExecutionException e) {
            throw SourceAccessException.from(e.getCause(), "listing the source's topics");
        } catch (TimeoutException e) {
            throw new SourceAccessException("The source cluster did not answer within " + timeout.toSeconds()
                    + " s while listing topics; check that the brokers are reachable", e);
        }
    }

    /** Describes topics one request for all; a topic deleted between listing and describing is left out. */
    private Map<String, TopicDescription> describe(List<String> names)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, TopicDescription> described = new LinkedHashMap<>();
        var futures = admin.describeTopics(names).topicNameValues();
        for (var entry : futures.entrySet()) {
            try {
                described.put(entry.getKey(), entry.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
        }
        return described;
    }

    static UUID uuid(Uuid id) {
        return new UUID(id.getMostSignificantBits(), id.getLeastSignificantBits());
    }
}
