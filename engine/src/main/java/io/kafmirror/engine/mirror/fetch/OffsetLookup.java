package io.kafmirror.engine.mirror.fetch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.ClientResponse;
import org.apache.kafka.clients.Metadata;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.message.ListOffsetsRequestData.ListOffsetsPartition;
import org.apache.kafka.common.message.ListOffsetsResponseData.ListOffsetsPartitionResponse;
import org.apache.kafka.common.message.ListOffsetsResponseData.ListOffsetsTopicResponse;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.ListOffsetsRequest;
import org.apache.kafka.common.requests.ListOffsetsResponse;

/**
 * Asks partition leaders for the earliest or latest offsets of partitions (ListOffsets), one request per leader,
 * retrying leader changes and not-yet-known partitions until the timeout, as the consumer's
 * {@code beginningOffsets}/{@code endOffsets} do. Latest is the high watermark under read_uncommitted and the
 * last stable offset under read_committed.
 */
final class OffsetLookup {

    private final SourceConnection connection;
    private final IsolationLevel isolation;

    OffsetLookup(SourceConnection connection, IsolationLevel isolation) {
        this.connection = connection;
        this.isolation = isolation;
    }

    /** The offsets of {@code partitions} at {@code timestamp} ({@link ListOffsetsRequest#EARLIEST_TIMESTAMP} or LATEST). */
    Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, long timestamp, Duration timeout) {
        Map<TopicPartition, Long> found = new HashMap<>();
        Set<TopicPartition> missing = new HashSet<>(partitions);
        long deadline = connection.now() + timeout.toMillis();
        long backoff = connection.config().getLong(ConsumerConfig.RETRY_BACKOFF_MS_CONFIG);
        connection.metadata().addTransient(missing.stream().map(TopicPartition::topic).collect(Collectors.toSet()));
        try {
            while (!missing.isEmpty()) {
                List<ClientResponse> answers = new ArrayList<>();
                int sent = send(missing, timestamp, answers);
                while (answers.size() < sent && connection.now() < deadline) {
                    connection.poll(deadline - connection.now());
                }
                for (ClientResponse answer : answers) {
                    read(answer, found, missing);
                }
                if (missing.isEmpty()) {
                    break;
                }
                if (connection.now() >= deadline) {
                    throw new TimeoutException("The source did not give the offsets of " + missing + " within "
                            + timeout.toMillis() + " ms");
                }
                connection.poll(Math.min(backoff, deadline - connection.now()));
            }
        } finally {
            connection.metadata().clearTransient();
        }
        Map<TopicPartition, Long> ordered = new LinkedHashMap<>();
        partitions.forEach(tp -> ordered.put(tp, found.get(tp)));
        return ordered;
    }

    /** Sends one request to each ready leader of {@code missing}; returns how many were sent. */
    private int send(Set<TopicPartition> missing, long timestamp, List<ClientResponse> answers) {
        Map<Node, Map<TopicPartition, ListOffsetsPartition>> byLeader = new HashMap<>();
        for (TopicPartition tp : missing) {
            Metadata.LeaderAndEpoch leader = connection.leader(tp);
            leader.leader.ifPresent(node -> byLeader.computeIfAbsent(node, n -> new HashMap<>()).put(tp,
                    new ListOffsetsPartition().setPartitionIndex(tp.partition()).setTimestamp(timestamp)
                            .setCurrentLeaderEpoch(leader.epoch.orElse(ListOffsetsResponse.UNKNOWN_EPOCH))));
        }
        int sent = 0;
        long now = connection.now();
        for (Map.Entry<Node, Map<TopicPartition, ListOffsetsPartition>> e : byLeader.entrySet()) {
            if (connection.ready(e.getKey(), now)) {
                connection.send(e.getKey(), ListOffsetsRequest.Builder.forConsumer(false, isolation)
                        .setTargetTimes(ListOffsetsRequest.toListOffsetsTopics(e.getValue())), answers::add);
                sent++;
            }
        }
        return sent;
    }

    private void read(ClientResponse answer, Map<TopicPartition, Long> found, Set<TopicPartition> missing) {
        if (!SourceConnection.answered(answer)) {
            connection.metadata().requestUpdate(false);
            return;
        }
        Set<String> unauthorized = new HashSet<>();
        for (ListOffsetsTopicResponse topic : ((ListOffsetsResponse) answer.responseBody()).topics()) {
            for (ListOffsetsPartitionResponse p : topic.partitions()) {
                TopicPartition tp = new TopicPartition(topic.name(), p.partitionIndex());
                Errors error = Errors.forCode(p.errorCode());
                if (error == Errors.NONE) {
                    found.put(tp, p.offset());
                    missing.remove(tp);
                } else if (error == Errors.TOPIC_AUTHORIZATION_FAILED) {
                    unauthorized.add(tp.topic());
                } else if (error.exception() instanceof RetriableException
                        || error == Errors.UNKNOWN_TOPIC_OR_PARTITION) {
                    connection.metadata().requestUpdate(false);
                } else {
                    throw new KafkaException("Looking up offsets of " + tp + " failed: " + error.message(),
                            error.exception());
                }
            }
        }
        if (!unauthorized.isEmpty()) {
            throw new TopicAuthorizationException(unauthorized);
        }
    }
}
