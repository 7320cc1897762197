package io.kafmirror.ui.jobs;

import io.kafmirror.engine.mirror.SourceAccessException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ClusterAuthorizationException;

/**
 * Reads a cluster's topics for the preview with an Admin client of the job's credentials: names (internal ones
 * included, to show them as never mirrored), partition counts and sizes on disk. Sizes come from DescribeLogDirs,
 * which needs Describe on the cluster; without it the sizes are left blank and a note says why. Blocks: call it off
 * the FX thread.
 */
public final class ClusterTopics {

    private final Properties clientProperties;
    private final Duration timeout;

    /** The topics of the cluster {@code clientProperties} reach, giving up after {@code timeout}. */
    public ClusterTopics(Properties clientProperties, Duration timeout) {
        this.clientProperties = clientProperties;
        this.timeout = timeout;
    }

    /**
     * What {@link #list()} found.
     *
     * @param topics   every topic, sorted by name
     * @param sizeNote why sizes are blank, or empty when they are known
     */
    public record Listing(List<TopicFacts> topics, String sizeNote) {
    }

    /** Lists the topics with their partitions and sizes; a {@link SourceAccessException} says plainly what failed. */
    public Listing list() {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put(CommonClientConfigs.CLIENT_ID_CONFIG, "kaf-mirror-console-preview");
        long millis = timeout.toMillis();
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(millis));
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(millis));
        String brokers = String.valueOf(clientProperties.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
        try (Admin admin = Admin.create(p)) {
            Map<String, TopicDescription> described = admin.describeTopics(admin.listTopics(new ListTopicsOptions()
                    .listInternal(true)).names().get(millis, TimeUnit.MILLISECONDS)).allTopicNames().get(millis, TimeUnit.MILLISECONDS);
            Map<String, Long> sizes = new HashMap<>();
            String sizeNote = sizes(admin, millis, sizes);
            List<TopicFacts> topics = new ArrayList<>();
            described.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).forEach(t -> topics.add(new TopicFacts(
                    t.name(), t.partitions().size(), sizeNote.isEmpty() ? sizes.getOrDefault(t.name(), 0L) : null,
                    t.isInternal() || t.name().startsWith("__"))));
            return new Listing(topics, sizeNote);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceAccessException("Interrupted while listing the topics of " + brokers, e);
        } catch (ExecutionException e) {
            throw SourceAccessException.from(e.getCause(), "listing the topics of " + brokers);
        } catch (TimeoutException e) {
            throw new SourceAccessException("No answer from " + brokers + " within " + timeout.toSeconds() + " s. Check the"
                    + " cluster's brokers and security settings on the Clusters screen", e);
        }
    }

    /** Fills {@code sizes} with each topic's bytes (per partition its largest replica); returns why not, or empty. */
    private static String sizes(Admin admin, long millis, Map<String, Long> sizes) throws InterruptedException, TimeoutException {
        try {
            List<Integer> brokers = admin.describeCluster().nodes().get(millis, TimeUnit.MILLISECONDS).stream().map(Node::id).toList();
            Map<TopicPartition, Long> largest = new HashMap<>();
            for (Map<String, LogDirDescription> dirs : admin.describeLogDirs(brokers).allDescriptions()
                    .get(millis, TimeUnit.MILLISECONDS).values()) {
                for (LogDirDescription dir : dirs.values()) {
                    for (Map.Entry<TopicPartition, ReplicaInfo> replica : dir.replicaInfos().entrySet()) {
                        largest.merge(replica.getKey(), replica.getValue().size(), Math::max);
                    }
                }
            }
            largest.forEach((partition, bytes) -> sizes.merge(partition.topic(), bytes, Long::sum));
            return "";
        } catch (ExecutionException e) {
            // Sizes are a help, not the point of the preview: the topics are still shown.
            return e.getCause() instanceof ClusterAuthorizationException
                    ? "Sizes unknown: the cluster lets these credentials list topics but not describe its log dirs"
                    + " (Describe on the cluster)."
                    : "Sizes unknown: the cluster did not describe its log dirs (" + e.getCause().getMessage() + ").";
        }
    }
}
