package io.kafmirror.engine.mirror.fetch;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.ClientResponse;
import org.apache.kafka.clients.Metadata;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.NoOffsetForPartitionException;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.FetchRequest;
import org.apache.kafka.common.requests.FetchResponse;
import org.apache.kafka.common.requests.ListOffsetsRequest;
import org.apache.kafka.common.utils.internals.BufferSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads assigned source partitions as the broker stores them: whole Kafka record batches, never decoded and
 * re-encoded. Speaks the Fetch protocol over kafka-clients' own network stack, so every client property the
 * consumer takes (TLS, SASL, callback handlers) works the same.
 *
 * <p>One session-less fetch is in flight per leader broker, holding every assigned, unpaused partition it leads,
 * with {@code max.partition.fetch.bytes} per partition and {@code fetchMaxBytes} in all; partitions that got data
 * go to the back of the next request, so the broker's rule of always returning the first partition's first batch
 * whole (KIP-74) lets a batch larger than the limits through in turn. What is handed out follows the consumer:
 * see {@link PartitionBatches}. Errors are the consumer's with {@code auto.offset.reset=none}: a position outside
 * the log throws {@link OffsetOutOfRangeException}; leader moves, lost connections and deleted topics are retried
 * with {@code retry.backoff.ms}; refused credentials throw kafka-clients' {@code AuthenticationException}.
 *
 * <p>Owned by one thread; only {@link #wakeup} may be called from another.
 */
public final class SourceBatchFetcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SourceBatchFetcher.class);

    private final SourceConnection connection;
    private final OffsetLookup offsets;
    private final IsolationLevel isolation;
    private final int fetchMaxBytes;
    private final int partitionMaxBytes;
    private final int maxWaitMs;
    private final int minBytes;
    private final String rack;
    private final long retryBackoffMs;
    private final Duration apiTimeout;
    private final BufferSupplier decompression = BufferSupplier.create();
    private final Map<TopicPartition, PartitionState> assigned = new LinkedHashMap<>();
    private final Set<Integer> fetching = new HashSet<>();
    private final List<Answer> answers = new ArrayList<>();
    private final Map<TopicPartition, Long> outOfRange = new HashMap<>();
    private RuntimeException failure;

    /** A fetcher reading with {@code clientProperties} (those a KafkaConsumer of the source takes) as {@code clientId}. */
    public SourceBatchFetcher(Properties clientProperties, String clientId, boolean readCommitted, int fetchMaxBytes) {
        this.connection = new SourceConnection(clientProperties, clientId, readCommitted);
        this.isolation = readCommitted ? IsolationLevel.READ_COMMITTED : IsolationLevel.READ_UNCOMMITTED;
        this.offsets = new OffsetLookup(connection, isolation);
        ConsumerConfig config = connection.config();
        this.fetchMaxBytes = fetchMaxBytes;
        this.partitionMaxBytes = config.getInt(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG);
        this.maxWaitMs = config.getInt(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG);
        this.minBytes = config.getInt(ConsumerConfig.FETCH_MIN_BYTES_CONFIG);
        this.rack = config.getString(ConsumerConfig.CLIENT_RACK_CONFIG);
        this.retryBackoffMs = config.getLong(ConsumerConfig.RETRY_BACKOFF_MS_CONFIG);
        this.apiTimeout = Duration.ofMillis(config.getInt(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG));
    }

    /** Reads {@code partitions} from now on, instead of the previous ones; partitions kept keep their position, new ones need a seek. */
    public void assign(Collection<TopicPartition> partitions) {
        Map<TopicPartition, PartitionState> kept = new LinkedHashMap<>();
        for (TopicPartition tp : partitions) {
            kept.put(tp, assigned.getOrDefault(tp, new PartitionState()));
        }
        assigned.clear();
        assigned.putAll(kept);
        connection.metadata().assigned(kept.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet()));
    }

    /** The partitions assigned. */
    public Set<TopicPartition> assignment() {
        return Set.copyOf(assigned.keySet());
    }

    /** Makes the next fetch of {@code tp} start at {@code offset}. */
    public void seek(TopicPartition tp, long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("Cannot seek " + tp + " to a negative offset " + offset);
        }
        PartitionState state = state(tp);
        state.position = offset;
        state.retryAfterMs = 0;
    }

    /** Seeks {@code tps} to their log start offsets, looked up now. */
    public void seekToBeginning(Collection<TopicPartition> tps) {
        tps.forEach(this::state);
        beginningOffsets(tps, apiTimeout).forEach(this::seek);
    }

    /** Stops fetching {@code tps} until resumed; their positions stay. */
    public void pause(Collection<TopicPartition> tps) {
        tps.forEach(tp -> state(tp).paused = true);
    }

    /** Fetches {@code tps} again. */
    public void resume(Collection<TopicPartition> tps) {
        tps.forEach(tp -> state(tp).paused = false);
    }

    /** Where the next fetch of {@code tp} starts: the offset after everything handed out or skipped. */
    public long position(TopicPartition tp) {
        PartitionState state = state(tp);
        if (!state.hasPosition()) {
            throw new NoOffsetForPartitionException(tp);
        }
        return state.position;
    }

    /** The log start offsets of {@code tps}. */
    public Map<TopicPartition, Long> beginningOffsets(Collection<TopicPartition> tps, Duration timeout) {
        return offsets.offsets(tps, ListOffsetsRequest.EARLIEST_TIMESTAMP, timeout);
    }

    /** The end offsets of {@code tps}: high watermark under read_uncommitted, last stable offset under read_committed. */
    public Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> tps, Duration timeout) {
        return offsets.offsets(tps, ListOffsetsRequest.LATEST_TIMESTAMP, timeout);
    }

    /** The end offsets (as {@link #endOffsets}) the last fetch of each partition answered with, without asking; partitions not fetched yet are left out. */
    public Map<TopicPartition, Long> knownEnds() {
        Map<TopicPartition, Long> ends = new HashMap<>();
        assigned.forEach((tp, state) -> {
            if (state.knownEnd >= 0) {
                ends.put(tp, state.knownEnd);
            }
        });
        return ends;
    }

    /**
     * Waits up to {@code timeout} for batches of the assigned, unpaused partitions and returns them, each
     * partition's from its position on; positions move past them. Returns empty when none came in time.
     */
    public FetchedBatches poll(Duration timeout) {
        connection.throwIfWokenUp();
        Map<TopicPartition, List<ByteBuffer>> read = new LinkedHashMap<>();
        long deadline = connection.now() + timeout.toMillis();
        boolean polled = false;
        while (true) {
            readAnswers(read);
            if (!read.isEmpty()) {
                // A failure of another partition is thrown by the next poll, as the consumer does.
                return FetchedBatches.of(read);
            }
            throwFailure();
            long remaining = deadline - connection.now();
            if (polled && remaining <= 0) {
                return FetchedBatches.empty();
            }
            boolean waiting = sendFetches();
            connection.poll(waiting ? Math.min(retryBackoffMs, remaining) : remaining);
            polled = true;
        }
    }

    /** Makes a blocked or the next {@link #poll} (or offset look-up) throw {@link WakeupException}; any thread. */
    public void wakeup() {
        connection.wakeup();
    }

    @Override
    public void close() {
        connection.close();
        decompression.close();
    }

    private PartitionState state(TopicPartition tp) {
        PartitionState state = assigned.get(tp);
        if (state == null) {
            throw new IllegalStateException("No current assignment for partition " + tp);
        }
        return state;
    }

    /** Sends a fetch to every leader without one in flight; returns whether some partition waits for a leader, connection or backoff. */
    private boolean sendFetches() {
        long now = connection.now();
        boolean waiting = false;
        Map<Node, Map<TopicPartition, FetchRequest.PartitionData>> byLeader = new LinkedHashMap<>();
        for (Map.Entry<TopicPartition, PartitionState> e : assigned.entrySet()) {
            TopicPartition tp = e.getKey();
            PartitionState state = e.getValue();
            if (state.paused) {
                continue;
            }
            if (!state.hasPosition()) {
                throw new NoOffsetForPartitionException(tp);
            }
            Metadata.LeaderAndEpoch leader = connection.leader(tp);
            if (state.retryAfterMs > now || leader.leader.isEmpty()) {
                waiting = true;
                continue;
            }
            Node node = leader.leader.get();
            if (!fetching.contains(node.id())) {
                byLeader.computeIfAbsent(node, n -> new LinkedHashMap<>()).put(tp, new FetchRequest.PartitionData(
                        connection.topicId(tp.topic()), state.position, FetchRequest.INVALID_LOG_START_OFFSET,
                        partitionMaxBytes, leader.epoch));
            }
        }
        for (Map.Entry<Node, Map<TopicPartition, FetchRequest.PartitionData>> e : byLeader.entrySet()) {
            Node node = e.getKey();
            if (!connection.ready(node, now)) {
                waiting = true;
                continue;
            }
            Map<TopicPartition, FetchRequest.PartitionData> partitions = e.getValue();
            // Fetch v13 and later name topics by id only.
            boolean ids = partitions.values().stream().noneMatch(p -> Uuid.ZERO_UUID.equals(p.topicId));
            FetchRequest.Builder request = FetchRequest.Builder
                    .forConsumer(ids ? ApiKeys.FETCH.latestVersion() : (short) 12, maxWaitMs, minBytes, partitions)
                    .isolationLevel(isolation).setMaxBytes(fetchMaxBytes).rackId(rack == null ? "" : rack);
            fetching.add(node.id());
            connection.send(node, request, response -> answers.add(new Answer(node, partitions, response)));
        }
        return waiting;
    }

    private void readAnswers(Map<TopicPartition, List<ByteBuffer>> read) {
        List<Answer> arrived = new ArrayList<>(answers);
        answers.clear();
        arrived.forEach(a -> fetching.remove(a.node().id()));
        for (Answer answer : arrived) {
            readAnswer(answer, read);
        }
    }

    private void readAnswer(Answer answer, Map<TopicPartition, List<ByteBuffer>> read) {
        if (!SourceConnection.answered(answer.response())) {
            LOG.debug("Fetch from broker {} got no answer (disconnected or timed out); refreshing metadata", answer.node());
            answer.partitions().keySet().forEach(this::retryLater);
            return;
        }
        FetchResponse response = (FetchResponse) answer.response().responseBody();
        if (response.error() != Errors.NONE) {
            LOG.debug("Fetch from broker {} failed with {}; retrying", answer.node(), response.error());
            answer.partitions().keySet().forEach(this::retryLater);
            return;
        }
        Map<Uuid, String> names = new HashMap<>();
        answer.partitions().forEach((tp, p) -> names.put(p.topicId, tp.topic()));
        short version = answer.response().requestHeader().apiVersion();
        Set<String> unauthorized = new HashSet<>();
        for (Map.Entry<TopicPartition, FetchResponseData.PartitionData> e : response.responseData(names, version).entrySet()) {
            TopicPartition tp = e.getKey();
            FetchRequest.PartitionData sent = answer.partitions().get(tp);
            PartitionState state = assigned.get(tp);
            // Data for a partition sought, paused or unassigned since the request went out is not what was asked for.
            if (sent == null || state == null || state.paused || state.position != sent.fetchOffset) {
                continue;
            }
            Errors error = Errors.forCode(e.getValue().errorCode());
            switch (error) {
                case NONE -> readPartition(tp, state, e.getValue(), read);
                case OFFSET_OUT_OF_RANGE -> outOfRange.put(tp, sent.fetchOffset);
                case TOPIC_AUTHORIZATION_FAILED -> unauthorized.add(tp.topic());
                case UNKNOWN_TOPIC_OR_PARTITION, UNKNOWN_TOPIC_ID, INCONSISTENT_TOPIC_ID -> {
                    LOG.debug("{} is not on broker {} ({}): deleted, or metadata not yet current; retrying", tp,
                            answer.node(), error);
                    retryLater(tp);
                }
                case NOT_LEADER_OR_FOLLOWER, FENCED_LEADER_EPOCH, UNKNOWN_LEADER_EPOCH, LEADER_NOT_AVAILABLE,
                     REPLICA_NOT_AVAILABLE, KAFKA_STORAGE_ERROR, OFFSET_NOT_AVAILABLE, UNKNOWN_SERVER_ERROR -> {
                    LOG.debug("Fetch of {} from broker {} got {}; refreshing metadata", tp, answer.node(), error);
                    retryLater(tp);
                }
                default -> failure = new KafkaException("Fetching " + tp + " at offset " + sent.fetchOffset
                        + " failed: " + error.name() + " (" + error.message() + ")", error.exception());
            }
        }
        if (!unauthorized.isEmpty()) {
            failure = new TopicAuthorizationException(unauthorized);
        }
    }

    /** Fetches {@code tp} again after the retry backoff and with new metadata, so a failing broker is not asked in a loop. */
    private void retryLater(TopicPartition tp) {
        PartitionState state = assigned.get(tp);
        if (state != null) {
            state.retryAfterMs = connection.now() + retryBackoffMs;
        }
        connection.metadata().requestUpdate(false);
    }

    private void readPartition(TopicPartition tp, PartitionState state, FetchResponseData.PartitionData data,
                               Map<TopicPartition, List<ByteBuffer>> read) {
        PartitionBatches selected = PartitionBatches.select(tp.toString(), data, state.position, isolation, decompression);
        // Brokers before the last stable offset existed answer -1 for it; the high watermark is their end then.
        state.knownEnd = isolation == IsolationLevel.READ_COMMITTED && data.lastStableOffset() >= 0
                ? data.lastStableOffset() : data.highWatermark();
        if (!selected.batches().isEmpty()) {
            read.computeIfAbsent(tp, t -> new ArrayList<>()).addAll(selected.batches());
        }
        if (selected.nextOffset() != state.position) {
            state.position = selected.nextOffset();
            // To the back of the next request: a partition stuck on a batch above the limits comes first in turn.
            assigned.remove(tp);
            assigned.put(tp, state);
        }
    }

    /** Throws what a fetch met, dropping out-of-range reports of partitions sought or unassigned since. */
    private void throwFailure() {
        if (!outOfRange.isEmpty()) {
            Map<TopicPartition, Long> lost = new LinkedHashMap<>();
            outOfRange.forEach((tp, offset) -> {
                PartitionState state = assigned.get(tp);
                if (state != null && state.position == offset) {
                    lost.put(tp, offset);
                }
            });
            outOfRange.clear();
            if (!lost.isEmpty()) {
                throw new OffsetOutOfRangeException("Fetch positions out of range with no reset policy for partitions: "
                        + lost, lost);
            }
        }
        if (failure != null) {
            RuntimeException thrown = failure;
            failure = null;
            throw thrown;
        }
    }

    /** A fetch response, or its failure, for the partitions sent to {@code node}. */
    private record Answer(Node node, Map<TopicPartition, FetchRequest.PartitionData> partitions, ClientResponse response) {
    }
}
