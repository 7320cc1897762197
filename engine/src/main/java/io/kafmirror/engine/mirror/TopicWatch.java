package io.kafmirror.engine.mirror;

import io.kafmirror.kfs.catalog.CatalogRebuild;
import io.kafmirror.kfs.catalog.SegmentArchive;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the source reader's assignment equal to the selected source topics: picks up new topics and
 * partitions, lets deleted topics go, starts a new generation for a recreated topic, positions every
 * new partition after its last stored offset, and records each of these as an event.
 */
final class TopicWatch {

    private static final Logger LOG = LoggerFactory.getLogger(TopicWatch.class);
    // kafka-clients' default.api.timeout.ms, which these calls had when they went through the consumer.
    private static final Duration OFFSETS_TIMEOUT = Duration.ofSeconds(60);

    private final SourceTopics source;
    private final SourceReader reader;
    private final SegmentArchive archive;
    private final String cluster;
    private final MirrorListener listener;
    private final Clock clock;
    private final Map<String, SourceTopic> mirrored = new LinkedHashMap<>();
    private Consumer<String> retire = topic -> { };
    private BiConsumer<TopicPartition, Long> resumed = (tp, next) -> { };
    private boolean initial = true;

    TopicWatch(SourceTopics source, SourceReader reader,
               SegmentArchive archive, String cluster, MirrorListener listener, Clock clock) {
        this.source = source;
        this.reader = reader;
        this.archive = archive;
        this.cluster = cluster;
        this.listener = listener;
        this.clock = clock;
    }

    /** What to do with a topic generation that stops being mirrored: seal what was read of it. */
    void onRetired(Consumer<String> action) {
        this.retire = action;
    }

    /** What to do when a partition is positioned after its last stored offset. */
    void onResumed(BiConsumer<TopicPartition, Long> action) {
        this.resumed = action;
    }

    /** The generation of {@code topic} being mirrored. */
    SourceTopic current(String topic) {
        SourceTopic known = mirrored.get(topic);
        if (known == null) {
            throw new IllegalStateException("Records of " + topic + ", which is not assigned");
        }
        return known;
    }

    /** Compares the source's topics with those mirrored and adjusts the assignment; returns the topics deleted or recreated. */
    Set<String> refresh() {
        Set<String> replaced = new HashSet<>();
        Map<String, SourceTopic> now = source.list();
        Map<TopicPartition, Optional<Long>> fresh = new HashMap<>();
        for (SourceTopic gone : new ArrayList<>(mirrored.values())) {
            if (!now.containsKey(gone.name())) {
                retire.accept(gone.name());
                mirrored.remove(gone.name());
                replaced.add(gone.name());
                event(MirrorEvent.Type.TOPIC_DELETED, gone.name(), "Topic " + gone.name() + " is gone from the"
                        + " source cluster. Its backup is kept intact; nothing more is stored for it.");
            }
        }
        for (SourceTopic topic : now.values()) {
            SourceTopic known = mirrored.get(topic.name());
            if (known == null) {
                added(topic, fresh);
            } else if (!known.topicId().equals(topic.topicId())) {
                retire.accept(topic.name());
                recreated(topic, fresh);
                replaced.add(topic.name());
            } else if (topic.partitions() > known.partitions()) {
                StoredPositions stored = StoredPositions.of(archive.catalog(), cluster, topic.name(), topic.topicId());
                for (int p = known.partitions(); p < topic.partitions(); p++) {
                    fresh.put(new TopicPartition(topic.name(), p), stored.next(p));
                }
                event(MirrorEvent.Type.PARTITIONS_ADDED, topic.name(), "Topic " + topic.name() + " grew from "
                        + known.partitions() + " to " + topic.partitions() + " partitions; the new ones are mirrored"
                        + " from their first offset.");
            }
            mirrored.put(topic.name(), topic);
        }
        assign(fresh);
        initial = false;
        return replaced;
    }

    /** Handles positions the source no longer has: retention deleted them (a gap) or the log was truncated. */
    void outOfRange(Map<TopicPartition, Long> positions) {
        Map<TopicPartition, Long> starts = reader.beginningOffsets(positions.keySet(), OFFSETS_TIMEOUT);
        Map<TopicPartition, Long> ends = reader.endOffsets(positions.keySet(), OFFSETS_TIMEOUT);
        for (var entry : positions.entrySet()) {
            TopicPartition tp = entry.getKey();
            long wanted = entry.getValue();
            long start = starts.get(tp);
            long end = ends.get(tp);
            if (wanted < start) {
                listener.event(new MirrorEvent(MirrorEvent.Type.GAP, clock.instant(), tp.topic(), tp.partition(),
                        "Offsets " + wanted + " to " + (start - 1) + " of " + tp + " were deleted by the source's"
                                + " retention before they were stored: the backup has a gap of " + (start - wanted)
                                + " offsets there. Mirroring continues from offset " + start + "."));
                reader.seek(tp, start);
            } else {
                listener.event(new MirrorEvent(MirrorEvent.Type.GAP, clock.instant(), tp.topic(), tp.partition(),
                        "The source log of " + tp + " now ends at offset " + end + ", before the " + wanted
                                + " already stored: it was truncated. The stored records are kept; mirroring"
                                + " continues from offset " + end + "."));
                reader.seek(tp, end);
            }
        }
    }

    private void added(SourceTopic topic, Map<TopicPartition, Optional<Long>> fresh) {
        catchUpCatalog(topic.name());
        StoredPositions stored = StoredPositions.of(archive.catalog(), cluster, topic.name(), topic.topicId());
        Optional<UUID> previous = stored.latestStoredGeneration();
        if (previous.isPresent() && !previous.get().equals(topic.topicId())) {
            event(MirrorEvent.Type.TOPIC_RECREATED, topic.name(), "Topic " + topic.name() + " has a new topic ID ("
                    + topic.topicId() + ", was " + previous.get() + "): it was deleted and created again. It is"
                    + " stored as a new generation; the stored old generation is untouched.");
        } else if (!initial) {
            event(MirrorEvent.Type.TOPIC_ADDED, topic.name(), "New topic " + topic.name() + " with "
                    + topic.partitions() + " partitions matches the job's patterns and is now mirrored.");
        }
        for (int p = 0; p < topic.partitions(); p++) {
            fresh.put(new TopicPartition(topic.name(), p), stored.next(p));
        }
    }

    private void recreated(SourceTopic topic, Map<TopicPartition, Optional<Long>> fresh) {
        SourceTopic old = mirrored.get(topic.name());
        event(MirrorEvent.Type.TOPIC_RECREATED, topic.name(), "Topic " + topic.name() + " was deleted and created"
                + " again (topic ID " + old.topicId() + " became " + topic.topicId() + "). The new topic is stored"
                + " as a new generation from its first offset; the stored old generation is untouched.");
        StoredPositions stored = StoredPositions.of(archive.catalog(), cluster, topic.name(), topic.topicId());
        for (int p = 0; p < topic.partitions(); p++) {
            fresh.put(new TopicPartition(topic.name(), p), stored.next(p));
        }
    }

    private void assign(Map<TopicPartition, Optional<Long>> fresh) {
        List<TopicPartition> all = new ArrayList<>();
        for (SourceTopic topic : mirrored.values()) {
            for (int p = 0; p < topic.partitions(); p++) {
                all.add(new TopicPartition(topic.name(), p));
            }
        }
        reader.assign(all);
        List<TopicPartition> fromStart = new ArrayList<>();
        fresh.forEach((tp, next) -> {
            if (next.isPresent()) {
                reader.seek(tp, next.get());
                resumed.accept(tp, next.get());
            } else {
                fromStart.add(tp);
            }
        });
        if (!fromStart.isEmpty()) {
            reader.seekToBeginning(fromStart);
        }
        if (!fresh.isEmpty()) {
            LOG.info("Mirroring {} partitions ({} new)", all.size(), fresh.size());
        }
    }

    private void catchUpCatalog(String topic) {
        var report = new CatalogRebuild(archive.store(), archive.catalog(), 4).catchUp(cluster, topic, clock.instant());
        if (report.catalogued() > 0 || !report.problems().isEmpty()) {
            LOG.info("Catalog catch-up of {}: {} stored segments were not catalogued and now are; problems: {}",
                    topic, report.catalogued(), report.problems());
        }
    }

    private void event(MirrorEvent.Type type, String topic, String message) {
        LOG.info(message);
        listener.event(new MirrorEvent(type, clock.instant(), topic, -1, message));
    }
}
