package io.kafmirror.engine.restore;

import io.kafmirror.engine.snapshot.SnapshotFormatException;
import io.kafmirror.engine.snapshot.SnapshotHistory;
import io.kafmirror.engine.snapshot.SnapshotKey;
import io.kafmirror.engine.snapshot.SnapshotKind;
import io.kafmirror.engine.snapshot.SnapshotReader;
import io.kafmirror.engine.snapshot.TopicConfig;
import io.kafmirror.engine.snapshot.TopicMetadata;
import io.kafmirror.kfs.catalog.CatalogChunk;
import io.kafmirror.kfs.catalog.SegmentArchive;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * The source topic of a plan as the backup knows it at the restore point: from the latest topics snapshot
 * taken at or before it that describes the plan's generation, else from the stored records alone.
 *
 * @param name              the source topic
 * @param partitions        the snapshot's partition count, or one more than the highest stored partition if that
 *                          is more (partitions added after the snapshot, or no snapshot)
 * @param replicationFactor the snapshot's replication factor; empty without a snapshot
 * @param configs           the snapshot's configs by name; empty without a snapshot
 * @param origin            where this comes from, for messages: the snapshot's key, or why no snapshot is used
 */
public record SourceTopic(String name, int partitions, OptionalInt replicationFactor, Map<String, TopicConfig> configs,
                          String origin) {

    private static final UUID NO_TOPIC_ID = new UUID(0, 0);

    /** Copies the configs. */
    public SourceTopic {
        configs = Map.copyOf(configs);
    }

    /**
     * The source topic of {@code plan}, described by the topics snapshot at or before its restore point (for an
     * offset restore point, the latest snapshot as of {@code clock}).
     */
    public static SourceTopic of(RestorePlan plan, SegmentArchive archive, Clock clock) {
        RestoreRequest request = plan.request();
        int highestStored = archive.catalog().segments(request.cluster(), request.topic()).stream()
                .filter(e -> e.topicId().equals(plan.topicId()))
                .flatMap(e -> e.chunks().stream())
                .mapToInt(CatalogChunk::partition)
                .max().orElse(0);
        int stored = 1 + Math.max(highestStored, plan.cuts().stream().mapToInt(PartitionCut::partition).max().orElse(0));
        Instant at = request.point() instanceof RestorePoint.AtTime to ? to.at() : clock.instant();
        Optional<SnapshotKey> key = new SnapshotHistory(archive.store(), request.cluster()).latestAtOrBefore(SnapshotKind.TOPICS, at);
        if (key.isEmpty()) {
            return fromRecords(request.topic(), stored, "no topics snapshot of cluster '" + request.cluster()
                    + "' was taken at or before " + at);
        }
        Optional<TopicMetadata> topic;
        try {
            topic = new SnapshotReader(archive.store()).read(key.get(), SnapshotKind.TOPICS).body().topic(request.topic());
        } catch (SnapshotFormatException e) {
            return fromRecords(request.topic(), stored, "the topics snapshot " + key.get() + " cannot be read: " + e.getMessage());
        }
        if (topic.isEmpty()) {
            return fromRecords(request.topic(), stored, "the topics snapshot " + key.get() + " does not hold the topic");
        }
        TopicMetadata t = topic.get();
        if (!t.topicId().equals(plan.topicId()) && !t.topicId().equals(NO_TOPIC_ID)) {
            return fromRecords(request.topic(), stored, "the topics snapshot " + key.get() + " describes another generation of"
                    + " the topic (" + t.topicId() + ", not " + plan.topicId() + ")");
        }
        return new SourceTopic(t.name(), Math.max(t.partitions(), stored), OptionalInt.of(t.replicationFactor()), t.configs(),
                "the topics snapshot " + key.get());
    }

    private static SourceTopic fromRecords(String topic, int partitions, String why) {
        return new SourceTopic(topic, partitions, OptionalInt.empty(), Map.of(), "the stored records alone (" + why + ")");
    }
}
