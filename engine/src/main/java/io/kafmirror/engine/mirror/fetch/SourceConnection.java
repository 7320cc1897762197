package io.kafmirror.engine.mirror.fetch;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.ClientRequest;
import org.apache.kafka.clients.ClientResponse;
import org.apache.kafka.clients.ClientUtils;
import org.apache.kafka.clients.ApiVersions;
import org.apache.kafka.clients.Metadata;
import org.apache.kafka.clients.NetworkClient;
import org.apache.kafka.clients.RequestCompletionHandler;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.common.utils.internals.LogContext;

/**
 * The network stack of kafka-clients' consumer, built from the same client properties: channel builder (TLS,
 * SASL incl. custom login and callback handlers), selector, {@link NetworkClient} and metadata of the topics
 * read. Requests are sent with a completion handler that runs inside {@link #poll}, on the owning thread.
 */
final class SourceConnection implements AutoCloseable {

    private final ConsumerConfig config;
    private final Time time = Time.SYSTEM;
    private final Metrics metrics;
    private final SourceMetadata metadata;
    private final NetworkClient client;
    private final AtomicBoolean wakeupRequested = new AtomicBoolean();

    SourceConnection(Properties clientProperties, String clientId, boolean readCommitted) {
        this.config = new ConsumerConfig(consumerProperties(clientProperties, clientId, readCommitted));
        LogContext logContext = new LogContext("[kaf-mirror fetcher clientId=" + clientId + "] ");
        this.metrics = new Metrics(time);
        this.metadata = new SourceMetadata(config, logContext);
        List<String> bootstrap = config.getList(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG);
        try {
            ClientUtils.maybeBootstrapMetadataSynchronously(config, bootstrap, metadata);
            // One in-flight request per connection would hold offset look-ups behind a fetch waiting for data.
            this.client = ClientUtils.createNetworkClient(config, bootstrap, metrics, "kaf-mirror-fetcher", logContext,
                    new ApiVersions(), time, 100, metadata, null, null);
        } catch (RuntimeException e) {
            Utils.closeQuietly(metadata, "metadata");
            Utils.closeQuietly(metrics, "metrics");
            throw e;
        }
    }

    /** The consumer configuration the properties make: timeouts, backoff, fetch sizes, rack. */
    ConsumerConfig config() {
        return config;
    }

    SourceMetadata metadata() {
        return metadata;
    }

    long now() {
        return time.milliseconds();
    }

    /** The leader of {@code tp} and its epoch as far as the metadata knows; asks for new metadata when it knows none. */
    Metadata.LeaderAndEpoch leader(TopicPartition tp) {
        Metadata.LeaderAndEpoch leader = metadata.currentLeader(tp);
        if (leader.leader.isEmpty()) {
            metadata.requestUpdate(false);
        }
        return leader;
    }

    /** The id of {@code topic}, or {@link Uuid#ZERO_UUID} if the metadata has none. */
    Uuid topicId(String topic) {
        return metadata.topicIds().getOrDefault(topic, Uuid.ZERO_UUID);
    }

    /** The topic names by id the metadata knows. */
    Map<Uuid, String> topicNames() {
        return metadata.topicNames();
    }

    /**
     * Whether a request can go to {@code node} now; connects if needed. Throws the broker's refusal of our
     * credentials or certificate as kafka-clients raised it.
     */
    boolean ready(Node node, long now) {
        if (client.ready(node, now)) {
            return true;
        }
        AuthenticationException refused = client.authenticationException(node);
        if (refused != null) {
            throw refused;
        }
        if (client.connectionFailed(node)) {
            metadata.requestUpdate(false);
        }
        return false;
    }

    /** Sends {@code request} to {@code node}, which must be {@link #ready}; {@code handler} runs in a later {@link #poll}. */
    void send(Node node, AbstractRequest.Builder<?> request, RequestCompletionHandler handler) {
        long now = time.milliseconds();
        ClientRequest clientRequest = client.newClientRequest(node.idString(), request, now, true,
                config.getInt(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG), handler);
        client.send(clientRequest, now);
    }

    /**
     * Does network work for up to {@code timeoutMs} (less when a response or metadata comes), running completion
     * handlers. Throws what the metadata's requests met (authentication, authorization), and {@link WakeupException}
     * if {@link #wakeup} was called.
     */
    void poll(long timeoutMs) {
        throwIfWokenUp();
        client.poll(Math.max(0, timeoutMs), time.milliseconds());
        metadata.maybeThrowAnyException();
        throwIfWokenUp();
    }

    /** Makes the current or next {@link #poll} throw {@link WakeupException}; any thread. */
    void wakeup() {
        wakeupRequested.set(true);
        client.wakeup();
    }

    void throwIfWokenUp() {
        if (wakeupRequested.getAndSet(false)) {
            throw new WakeupException();
        }
    }

    /** Whether {@code response} is an answer to look at, as opposed to a lost connection; throws what must stop reading. */
    static boolean answered(ClientResponse response) {
        if (response.authenticationException() != null) {
            throw response.authenticationException();
        }
        if (response.versionMismatch() != null) {
            throw response.versionMismatch();
        }
        return !response.wasDisconnected() && !response.wasTimedOut() && response.hasResponse();
    }

    @Override
    public void close() {
        Utils.closeQuietly(client, "network client");
        Utils.closeQuietly(metadata, "metadata");
        Utils.closeQuietly(metrics, "metrics");
    }

    private static Properties consumerProperties(Properties clientProperties, String clientId, boolean readCommitted) {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted");
        // ConsumerConfig requires them; records are never deserialized here.
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }
}
