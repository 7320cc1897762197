package io.kafmirror.engine.restore;

import io.kafmirror.engine.cluster.PartitionLeaders;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Gets the target topic of a restore ready: creates it as the source topic was ({@link NewTargetTopic}) or checks
 * that the existing one can take the plan, and gives the offsets {@link RestoreRun} writes each partition from.
 *
 * <p>An existing topic must have every partition the plan writes (each record goes to its source partition
 * number) and hold no record, unless the operator appends; it is never altered. Differences that change what
 * the restored topic holds (cleanup policy, timestamps the broker overwrites, retention that deletes the restored
 * records) are warnings.
 */
public final class TargetTopic {

    private static final Duration LEADERS_TIMEOUT = Duration.ofSeconds(60);

    private final Admin admin;
    private final String name;
    private final Clock clock;

    /** The topic {@code name} on the cluster of {@code admin}; {@code clock} tells which records retention deletes. */
    public TargetTopic(Admin admin, String name, Clock clock) {
        this.admin = admin;
        this.name = name;
        this.clock = clock;
    }

    /**
     * Creates the topic for {@code plan} of {@code source}, or checks the existing one, and returns where the restore
     * writes from: a {@link TargetTopicException} says why the topic cannot take it and what to do.
     */
    public PreparedTarget prepare(RestorePlan plan, SourceTopic source, TargetOptions options) throws InterruptedException {
        List<String> warnings = new ArrayList<>();
        Optional<TopicDescription> existing = describe();
        Config config;
        Map<Integer, Long> starts = new TreeMap<>();
        if (existing.isEmpty()) {
            config = create(source, options, warnings);
            plan.cuts().forEach(cut -> starts.put(cut.partition(), 0L));
        } else {
            checkPartitions(existing.get(), plan);
            config = answer("read the configs of", admin.describeConfigs(List.of(resource())).values().get(resource()));
            Map<Integer, Long> ends = checkEmpty(existing.get(), options.append());
            plan.cuts().forEach(cut -> starts.put(cut.partition(), ends.get(cut.partition())));
            if (!options.configs().isEmpty() || options.replicationFactor().isPresent()) {
                warnings.add("Topic '" + name + "' exists on the target, so --topic-config and --replication-factor are not"
                        + " applied: an existing topic is never altered by a restore.");
            }
            checkCleanupPolicy(source, config, warnings);
        }
        checkTimestampType(config, warnings);
        checkRetention(plan, config, warnings);
        return new PreparedTarget(new RestoreTarget(name, starts), existing.isEmpty(), warnings);
    }

    private Optional<TopicDescription> describe() throws InterruptedException {
        try {
            return Optional.of(admin.describeTopics(List.of(name)).topicNameValues().get(name).get());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw failure("describe", e);
        }
    }

    private Config create(SourceTopic source, TargetOptions options, List<String> warnings) throws InterruptedException {
        int brokers = answer("count the brokers for", admin.describeCluster().nodes()).size();
        NewTargetTopic topic = new NewTargetTopic(name, source, options, brokers);
        warnings.addAll(topic.warnings());
        CreateTopicsResult result = admin.createTopics(List.of(topic.newTopic()));
        answer("create", result.all());
        awaitLeaders(topic.newTopic().numPartitions());
        // The broker answers a creation with the topic's configs, which saves describing a topic it may not know yet.
        return answer("read the configs of", result.config(name));
    }

    /** Restoring before the new partitions have leaders could wedge the idempotent producer (see PartitionLeaders). */
    private void awaitLeaders(int partitions) throws InterruptedException {
        try {
            if (!PartitionLeaders.await(admin, name, partitions, LEADERS_TIMEOUT)) {
                throw new TargetTopicException("Topic '" + name + "' was created on the target, but its partitions have no"
                        + " leader " + LEADERS_TIMEOUT.toSeconds() + " s later. Check the target cluster's brokers and"
                        + " controller, then run the restore again: it writes into the topic now that it exists.");
            }
        } catch (ExecutionException e) {
            throw failure("wait for the partition leaders of", e);
        }
    }

    private void checkPartitions(TopicDescription topic, RestorePlan plan) {
        int partitions = topic.partitions().size();
        List<Integer> missing = plan.cuts().stream().map(PartitionCut::partition).filter(p -> p >= partitions).toList();
        if (!missing.isEmpty()) {
            throw new TargetTopicException("Topic '" + name + "' on the target has " + partitions + " partition(s), but the"
                    + " restore writes partition(s) " + missing + ": each record goes to its source partition number. Add"
                    + " partitions to it (to " + (missing.get(missing.size() - 1) + 1) + "), restore only --partitions below "
                    + partitions + ", or restore into a new topic.");
        }
    }

    /** The end offset of every partition, refusing records already there unless {@code append}. */
    private Map<Integer, Long> checkEmpty(TopicDescription topic, boolean append) throws InterruptedException {
        Map<Integer, Long> firsts = offsets(topic, OffsetSpec.earliest());
        Map<Integer, Long> ends = offsets(topic, OffsetSpec.latest());
        long records = ends.entrySet().stream().mapToLong(e -> e.getValue() - firsts.get(e.getKey())).sum();
        if (records > 0 && !append) {
            throw new TargetTopicException("Topic '" + name + "' on the target already holds " + records + " records, which"
                    + " the restored ones would follow. Restore into a new or empty topic, or give --append to write the"
                    + " restored records after them.");
        }
        return ends;
    }

    private Map<Integer, Long> offsets(TopicDescription topic, OffsetSpec spec) throws InterruptedException {
        Map<TopicPartition, OffsetSpec> asked = new HashMap<>();
        topic.partitions().forEach(p -> asked.put(new TopicPartition(name, p.partition()), spec));
        // Uncommitted records count: RestoreRun measures what it wrote by the same end offsets.
        var answers = answer("read the offsets of",
                admin.listOffsets(asked, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all());
        Map<Integer, Long> offsets = new HashMap<>();
        answers.forEach((tp, info) -> offsets.put(tp.partition(), info.offset()));
        return offsets;
    }

    private void checkCleanupPolicy(SourceTopic source, Config config, List<String> warnings) {
        var stored = source.configs().get(TopicConfig.CLEANUP_POLICY_CONFIG);
        if (stored == null || stored.value() == null) {
            return;
        }
        boolean sourceCompacts = policies(stored.value()).contains(TopicConfig.CLEANUP_POLICY_COMPACT);
        String target = value(config, TopicConfig.CLEANUP_POLICY_CONFIG);
        if (sourceCompacts != policies(target).contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
            warnings.add("Topic '" + name + "' on the target has cleanup.policy=" + target + ", the source had "
                    + stored.value() + ": " + (sourceCompacts
                    ? "the target keeps every restored record of a key until retention deletes it, where the source kept the latest."
                    : "the target compacts the restored records, keeping only the latest of each key."));
        }
    }

    private void checkTimestampType(Config config, List<String> warnings) {
        if ("LogAppendTime".equals(value(config, TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG))) {
            warnings.add("Topic '" + name + "' on the target has message.timestamp.type=LogAppendTime: the broker stamps each"
                    + " restored record with the time it is written, so the original timestamps are lost there. Restore into"
                    + " a topic with CreateTime (for a created one, --topic-config message.timestamp.type=CreateTime) to keep them.");
        }
    }

    /** Retention counts from record timestamps, so restored records older than it are deleted minutes after the restore. */
    private void checkRetention(RestorePlan plan, Config config, List<String> warnings) {
        String retention = value(config, TopicConfig.RETENTION_MS_CONFIG);
        if (!(plan.request().point() instanceof RestorePoint.AtTime to) || retention == null
                || !policies(value(config, TopicConfig.CLEANUP_POLICY_CONFIG)).contains(TopicConfig.CLEANUP_POLICY_DELETE)) {
            return;
        }
        long millis = Long.parseLong(retention);
        if (millis >= 0 && to.at().isBefore(clock.instant().minusMillis(millis))) {
            warnings.add("Topic '" + name + "' on the target deletes records older than retention.ms=" + millis + " ("
                    + Duration.ofMillis(millis) + "), and every restored record is from " + to.at() + " or before: the broker"
                    + " deletes them soon after they are written. Raise its retention first (for a created topic,"
                    + " --topic-config retention.ms=-1).");
        }
    }

    private static Set<String> policies(String value) {
        return value == null ? Set.of() : Arrays.stream(value.split(",")).map(String::strip).collect(Collectors.toSet());
    }

    private static String value(Config config, String key) {
        var entry = config.get(key);
        return entry == null ? null : entry.value();
    }

    private ConfigResource resource() {
        return new ConfigResource(ConfigResource.Type.TOPIC, name);
    }

    private <T> T answer(String action, KafkaFuture<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw failure(action, e);
        }
    }

    private TargetTopicException failure(String action, ExecutionException e) {
        Throwable cause = e.getCause();
        String todo;
        if (cause instanceof AuthorizationException) {
            todo = "Grant the restore's user Describe, DescribeConfigs and Write on the topic, and Create to create it.";
        } else if (cause instanceof InvalidConfigurationException || cause instanceof PolicyViolationException) {
            todo = "Change that config with --topic-config name=value, or leave it to the target's default with --topic-config name= .";
        } else if (cause instanceof InvalidReplicationFactorException) {
            todo = "Give a --replication-factor the target cluster can hold.";
        } else {
            todo = "Check that the target cluster is reachable, then run the restore again.";
        }
        return new TargetTopicException("Cannot " + action + " topic '" + name + "' on the target: " + cause.getMessage()
                + " (" + cause.getClass().getSimpleName() + "). " + todo, cause);
    }
}
