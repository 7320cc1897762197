package io.kafmirror.engine.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;

/** Asks the source cluster what a restore needs to recreate each mirrored topic: partitions, replicas, configs. */
final class TopicMetadataQuery {

    private final Admin admin;
    private final Predicate<String> mirrored;

    TopicMetadataQuery(Admin admin, Predicate<String> mirrored) {
        this.admin = admin;
        this.mirrored = mirrored;
    }

    /**
     * The mirrored topics as the source describes them now. A topic deleted meanwhile is left out; so is one the
     * source will not describe to us, which {@code leftOut} hears about with the permission that is missing.
     */
    TopicsSnapshot fetch(AdminAnswers answers, Consumer<String> leftOut) {
        List<String> names = answers.await(admin.listTopics(new ListTopicsOptions().listInternal(false)).names(),
                "listing the topics").stream().filter(mirrored).sorted().toList();
        if (names.isEmpty()) {
            return new TopicsSnapshot(List.of());
        }
        // Both questions go out before the first answer is awaited: two round trips for all topics, not two per topic.
        Map<String, KafkaFuture<TopicDescription>> descriptions = admin.describeTopics(names).topicNameValues();
        Map<ConfigResource, KafkaFuture<Config>> configs = admin.describeConfigs(names.stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList()).values();
        List<TopicMetadata> topics = new ArrayList<>();
        for (String name : names) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
            Optional<TopicDescription> description = answers.awaitItem(descriptions.get(name), "describing topic " + name,
                    () -> leftOut.accept(deniedMessage(name, "Describe")));
            Optional<Config> config = description.flatMap(described -> answers.awaitItem(configs.get(resource),
                    "describing the configs of topic " + name, () -> leftOut.accept(deniedMessage(name, "DescribeConfigs"))));
            config.ifPresent(c -> topics.add(metadata(description.get(), c)));
        }
        return new TopicsSnapshot(topics);
    }

    private static TopicMetadata metadata(TopicDescription description, Config config) {
        int replicationFactor = description.partitions().stream().mapToInt(p -> p.replicas().size()).min().orElse(0);
        Map<String, TopicConfig> kept = new TreeMap<>();
        for (ConfigEntry entry : config.entries()) {
            if (entry.source() != ConfigEntry.ConfigSource.DEFAULT_CONFIG || TopicsSnapshot.ALWAYS_KEPT.contains(entry.name())) {
                kept.put(entry.name(), new TopicConfig(entry.value(), entry.source().name()));
            }
        }
        return new TopicMetadata(description.name(), uuid(description), description.partitions().size(),
                replicationFactor, kept);
    }

    private static UUID uuid(TopicDescription description) {
        return new UUID(description.topicId().getMostSignificantBits(), description.topicId().getLeastSignificantBits());
    }

    private static String deniedMessage(String topic, String operation) {
        return "Topic " + topic + " is left out of the topics snapshot: the source cluster does not allow the backup user "
                + operation + " on it. Grant " + operation + " on the mirrored topics, or a restore cannot recreate "
                + topic + " as it was.";
    }
}
