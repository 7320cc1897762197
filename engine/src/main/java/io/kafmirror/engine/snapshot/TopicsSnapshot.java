package io.kafmirror.engine.snapshot;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The body of a {@link SnapshotKind#TOPICS} snapshot: the mirrored topics that existed when it was taken.
 *
 * @param topics one entry per topic, sorted by name so equal snapshots encode to equal bytes
 */
public record TopicsSnapshot(List<TopicMetadata> topics) implements SnapshotBody {

    /** Configs kept even at Kafka's default: what a restore needs to recreate a topic that behaves the same. */
    public static final Set<String> ALWAYS_KEPT = Set.of("cleanup.policy", "retention.ms", "retention.bytes",
            "min.insync.replicas", "max.message.bytes", "message.timestamp.type", "compression.type", "segment.bytes");

    public TopicsSnapshot {
        topics = Objects.requireNonNull(topics, "topics").stream().sorted(Comparator.comparing(TopicMetadata::name)).toList();
    }

    @Override
    public SnapshotKind<TopicsSnapshot> kind() {
        return SnapshotKind.TOPICS;
    }

    /** The topic named {@code name}, if it was mirrored and existed when the snapshot was taken. */
    public Optional<TopicMetadata> topic(String name) {
        return topics.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
