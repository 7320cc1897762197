package io.kafmirror.engine.restore;

import io.kafmirror.engine.snapshot.TopicConfig;
import io.kafmirror.engine.snapshot.TopicsSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The topic a restore creates when the target has none: the source topic's partition count, replication factor
 * and configs with the operator's choices over them, and a warning for each thing it does not keep.
 *
 * <p>Of the stored configs it keeps the topic's own overrides and, whatever their source, the ones that decide
 * which records the topic keeps and accepts ({@link TopicsSnapshot#ALWAYS_KEPT}), so the restored topic does
 * not delete or refuse what the source kept. Other values the source topic inherited from its brokers are the
 * source cluster's operating policy (e.g. {@code unclean.leader.election.enable}); the target cluster's own apply.
 */
final class NewTargetTopic {

    private static final String MIN_ISR = "min.insync.replicas";

    private final String name;
    private final int partitions;
    private final OptionalInt replicationFactor;
    private final Map<String, String> configs = new TreeMap<>();
    private final List<String> warnings = new ArrayList<>();

    /** The topic {@code name} for {@code source} on a target cluster of {@code brokers} brokers. */
    NewTargetTopic(String name, SourceTopic source, TargetOptions options, int brokers) {
        this.name = name;
        this.partitions = source.partitions();
        this.replicationFactor = replicationFactor(source, options, brokers);
        if (source.replicationFactor().isEmpty()) {
            warnings.add("Topic '" + name + "' is created with " + partitions + " partitions from " + source.origin()
                    + "; its replication factor and configs are the target cluster's defaults. Give --replication-factor"
                    + " and --topic-config name=value to choose them.");
        }
        keepStored(source, options);
        capMinInsyncReplicas();
        options.configs().forEach((config, value) -> {
            if (value.isEmpty()) {
                configs.remove(config);
            } else {
                configs.put(config, value);
            }
        });
    }

    /** The request to create it. */
    NewTopic newTopic() {
        Optional<Short> replicas = replicationFactor.isPresent() ? Optional.of((short) replicationFactor.getAsInt()) : Optional.empty();
        return new NewTopic(name, Optional.of(partitions), replicas).configs(configs);
    }

    /** The configs it is created with. */
    Map<String, String> configs() {
        return configs;
    }

    /** What differs from the source topic. */
    List<String> warnings() {
        return warnings;
    }

    private OptionalInt replicationFactor(SourceTopic source, TargetOptions options, int brokers) {
        if (options.replicationFactor().isPresent() || source.replicationFactor().isEmpty()) {
            return options.replicationFactor();
        }
        int stored = source.replicationFactor().getAsInt();
        if (stored <= brokers) {
            return OptionalInt.of(stored);
        }
        warnings.add("Topic '" + name + "' is created with replication factor " + brokers + ", not the source's " + stored
                + ": the target cluster has " + brokers + " broker(s).");
        return OptionalInt.of(brokers);
    }

    private void keepStored(SourceTopic source, TargetOptions options) {
        List<String> withheld = new ArrayList<>();
        List<String> inherited = new ArrayList<>();
        new TreeMap<>(source.configs()).forEach((config, c) -> {
            if (options.configs().containsKey(config)) {
                return;
            }
            if (c.value() == null) {
                withheld.add(config);
            } else if (c.topicOverride() || TopicsSnapshot.ALWAYS_KEPT.contains(config)) {
                configs.put(config, c.value());
            } else {
                inherited.add(config + "=" + c.value());
            }
        });
        if (!withheld.isEmpty()) {
            warnings.add("The source withheld the values of " + withheld + " (sensitive configs), so topic '" + name
                    + "' is created without them. Give them with --topic-config name=value.");
        }
        if (!inherited.isEmpty()) {
            warnings.add("Topic '" + name + "' is created without the values the source topic inherited from its brokers ("
                    + String.join(", ", inherited) + "): the target cluster's settings apply. Give --topic-config name=value to"
                    + " keep one.");
        }
    }

    /** A stored min.insync.replicas above the replication factor would make every acks=all write of the restore fail. */
    private void capMinInsyncReplicas() {
        String stored = configs.get(MIN_ISR);
        if (stored == null || replicationFactor.isEmpty() || Integer.parseInt(stored) <= replicationFactor.getAsInt()) {
            return;
        }
        configs.put(MIN_ISR, String.valueOf(replicationFactor.getAsInt()));
        warnings.add("Topic '" + name + "' is created with " + MIN_ISR + "=" + replicationFactor.getAsInt() + ", not the"
                + " source's " + stored + ", to fit its replication factor: with more, every write of the restore would be"
                + " refused.");
    }
}
