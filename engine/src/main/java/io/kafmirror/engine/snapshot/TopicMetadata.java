package io.kafmirror.engine.snapshot;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What a restore needs to recreate one topic.
 *
 * @param name              the topic name
 * @param topicId           the source's topic ID (a recreated topic has a new one), all zeros if the source has none
 * @param partitions        the partition count
 * @param replicationFactor the smallest replica count among its partitions (a partition being reassigned
 *                          briefly reports its adding replicas too)
 * @param configs           by config name: every value not at Kafka's default, and always the ones a
 *                          restore most needs ({@link TopicsSnapshot#ALWAYS_KEPT}) when the source has them
 */
public record TopicMetadata(String name, UUID topicId, int partitions, int replicationFactor,
                            Map<String, TopicConfig> configs) {

    public TopicMetadata {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(topicId, "topicId");
        if (partitions < 1 || replicationFactor < 1) {
            throw new IllegalArgumentException("topic " + name + " needs at least one partition and one replica, not "
                    + partitions + " and " + replicationFactor);
        }
        configs = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(configs, "configs")));
    }
}
