package io.kafmirror.engine.mirror.fetch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.clients.Metadata;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.internals.ClusterResourceListeners;
import org.apache.kafka.common.requests.MetadataRequest;
import org.apache.kafka.common.utils.internals.LogContext;

/**
 * Cluster metadata for the topics being read only, as the consumer's metadata keeps it for its assignment: the
 * base class would ask for every topic of the cluster. Topics are never created by asking for them.
 */
final class SourceMetadata extends Metadata {

    private Set<String> assigned = Set.of();
    private Set<String> transientTopics = Set.of();

    SourceMetadata(ConsumerConfig config, LogContext logContext) {
        super(config.getLong(ConsumerConfig.RETRY_BACKOFF_MS_CONFIG),
                config.getLong(ConsumerConfig.RETRY_BACKOFF_MAX_MS_CONFIG),
                config.getLong(ConsumerConfig.METADATA_MAX_AGE_CONFIG), logContext, new ClusterResourceListeners());
    }

    /** Keeps metadata for {@code topics}, the topics of the assignment. */
    synchronized void assigned(Set<String> topics) {
        boolean added = !assigned.containsAll(topics);
        assigned = Set.copyOf(topics);
        if (added) {
            requestUpdateForNewTopics();
        }
    }

    /** Also keeps metadata for {@code topics} until {@link #clearTransient}, e.g. to look up offsets of them. */
    synchronized void addTransient(Set<String> topics) {
        Set<String> added = new HashSet<>(topics);
        added.removeAll(assigned);
        added.removeAll(transientTopics);
        if (!added.isEmpty()) {
            added.addAll(transientTopics);
            transientTopics = Set.copyOf(added);
            requestUpdateForNewTopics();
        }
    }

    /** Forgets the topics of {@link #addTransient}. */
    synchronized void clearTransient() {
        transientTopics = Set.of();
    }

    @Override
    protected synchronized MetadataRequest.Builder newMetadataRequestBuilder() {
        return new MetadataRequest.Builder(new ArrayList<>(topics()), false);
    }

    @Override
    protected synchronized boolean retainTopic(String topic, boolean isInternal, long nowMs) {
        return assigned.contains(topic) || transientTopics.contains(topic);
    }

    private Set<String> topics() {
        Set<String> all = new HashSet<>(assigned);
        all.addAll(transientTopics);
        return all;
    }
}
