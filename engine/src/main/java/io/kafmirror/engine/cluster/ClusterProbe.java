package io.kafmirror.engine.cluster;

import io.kafmirror.engine.mirror.SourceAccessException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.common.Node;

/** Connects to a cluster the way a backup job would and reports what it sees, or plainly why it cannot. */
public final class ClusterProbe {

    private final Properties clientProperties;
    private final Duration timeout;

    /** A probe of the cluster {@code clientProperties} reach, giving up after {@code timeout}. */
    public ClusterProbe(Properties clientProperties, Duration timeout) {
        this.clientProperties = clientProperties;
        this.timeout = timeout;
    }

    /** Connects, describes the cluster and lists its topics (internal ones left out). */
    public ClusterReport probe() {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put(CommonClientConfigs.CLIENT_ID_CONFIG, "kaf-mirror-probe");
        int millis = (int) timeout.toMillis();
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(millis));
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(millis));
        String brokers = String.valueOf(clientProperties.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
        try (Admin admin = Admin.create(p)) {
            DescribeClusterResult cluster = admin.describeCluster();
            Collection<Node> nodes = cluster.nodes().get(millis, TimeUnit.MILLISECONDS);
            Node controller = cluster.controller().get(millis, TimeUnit.MILLISECONDS);
            String clusterId = cluster.clusterId().get(millis, TimeUnit.MILLISECONDS);
            List<String> topics = List.copyOf(new TreeSet<>(admin.listTopics(new ListTopicsOptions().listInternal(false))
                    .names().get(millis, TimeUnit.MILLISECONDS)));
            return new ClusterReport(clusterId, nodes.stream().map(n -> n.host() + ":" + n.port()).sorted().toList(),
                    controller == null || controller.isEmpty() ? -1 : controller.id(), topics);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceAccessException("Interrupted while connecting to " + brokers, e);
        } catch (ExecutionException e) {
            // The client gives up after the same timeout as we do, so either may be first to say so.
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw noAnswer(brokers, e.getCause());
            }
            throw SourceAccessException.from(e.getCause(), "connecting to " + brokers);
        } catch (TimeoutException e) {
            throw noAnswer(brokers, e);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new SourceAccessException("Cannot set up a client for " + brokers + ": " + e.getMessage(), e);
        }
    }

    private SourceAccessException noAnswer(String brokers, Throwable cause) {
        return new SourceAccessException("No answer from " + brokers + " within " + timeout.toSeconds() + " s. Check"
                + " the broker addresses, that this machine can reach them, and that the security settings"
                + " (TLS, SASL) match the listener", cause);
    }
}
