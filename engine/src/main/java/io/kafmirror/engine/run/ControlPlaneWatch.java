package io.kafmirror.engine.run;

import io.kafmirror.engine.anomaly.GroupOffsetChange;
import io.kafmirror.engine.anomaly.TopicConfigChange;
import io.kafmirror.engine.mirror.MirrorEvent;
import io.kafmirror.engine.snapshot.GroupOffsets;
import io.kafmirror.engine.snapshot.GroupOffsetsSnapshot;
import io.kafmirror.engine.snapshot.Snapshot;
import io.kafmirror.engine.snapshot.SnapshotBody;
import io.kafmirror.engine.snapshot.SnapshotFormatException;
import io.kafmirror.engine.snapshot.SnapshotHistory;
import io.kafmirror.engine.snapshot.SnapshotKind;
import io.kafmirror.engine.snapshot.SnapshotOutcome;
import io.kafmirror.engine.snapshot.SnapshotReader;
import io.kafmirror.engine.snapshot.TopicMetadata;
import io.kafmirror.engine.snapshot.TopicsSnapshot;
import io.kafmirror.kfs.store.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares each snapshot round of a job with the round before and turns what changed on the source's control plane
 * into events: retention lowered or otherwise changed ({@link TopicConfigChange}), consumer-group offsets deleted or
 * reset backwards ({@link GroupOffsetChange}), each at the time of the snapshot that first showed it.
 */
final class ControlPlaneWatch {

    private static final Logger LOG = LoggerFactory.getLogger(ControlPlaneWatch.class);

    private Snapshot<TopicsSnapshot> topics;
    /** The groups to compare with: as last seen, each from the latest snapshot that held it (see {@link #advance}). */
    private GroupOffsetsSnapshot groups;
    private final Map<String, Instant> groupSeenAt = new HashMap<>();

    /**
     * A watch whose first round is compared with the latest snapshots stored at or before {@code now}, taken by this
     * job's previous run (or, on a cluster several jobs back up, by another job: only topics both mirror are judged).
     * Without stored snapshots, or with unreadable ones, the first round only sets the baseline.
     */
    static ControlPlaneWatch resume(SnapshotHistory history, SnapshotReader reader, Instant now) {
        ControlPlaneWatch watch = new ControlPlaneWatch();
        watch.topics = latest(history, reader, SnapshotKind.TOPICS, now);
        Snapshot<GroupOffsetsSnapshot> groups = latest(history, reader, SnapshotKind.GROUP_OFFSETS, now);
        if (groups != null) {
            watch.advance(groups, false);
        }
        return watch;
    }

    /** The events of what changed since the previous round, which {@code round} then replaces. */
    List<MirrorEvent> changes(SnapshotOutcome round) {
        Snapshot<TopicsSnapshot> newTopics = round.taken(SnapshotKind.TOPICS).orElse(null);
        Snapshot<GroupOffsetsSnapshot> newGroups = round.taken(SnapshotKind.GROUP_OFFSETS).orElse(null);
        List<MirrorEvent> events = new ArrayList<>();
        if (topics != null && newTopics != null) {
            Instant seen = newTopics.key().takenAt();
            for (TopicConfigChange change : TopicConfigChange.between(topics.body(), newTopics.body())) {
                events.add(new MirrorEvent(change.lowered() ? MirrorEvent.Type.RETENTION_LOWERED
                        : MirrorEvent.Type.TOPIC_CONFIG_CHANGED, seen, change.topic(), -1,
                        change.sentence(seen, topics.key().takenAt())));
            }
            if (groups != null && newGroups != null) {
                events.addAll(groupEvents(newTopics, newGroups, round.incomplete(SnapshotKind.GROUP_OFFSETS)));
            }
        }
        // Groups are judged only against topics of both times, so without this round's topics the older groups stay.
        if (newTopics != null) {
            topics = newTopics;
            if (newGroups != null) {
                advance(newGroups, round.incomplete(SnapshotKind.GROUP_OFFSETS));
            }
        }
        return events;
    }

    /**
     * Makes {@code later} the groups to compare with. A snapshot that left out groups may have left out some seen
     * before: those keep their last seen offsets, so that a later complete round still notices them gone.
     */
    private void advance(Snapshot<GroupOffsetsSnapshot> later, boolean groupsLeftOut) {
        List<GroupOffsets> kept = new ArrayList<>(later.body().groups());
        if (groupsLeftOut && groups != null) {
            groups.groups().stream().filter(was -> later.body().group(was.groupId()).isEmpty()).forEach(kept::add);
        } else {
            groupSeenAt.clear();
        }
        later.body().groups().forEach(g -> groupSeenAt.put(g.groupId(), later.key().takenAt()));
        groups = new GroupOffsetsSnapshot(kept);
    }

    private List<MirrorEvent> groupEvents(Snapshot<TopicsSnapshot> newTopics, Snapshot<GroupOffsetsSnapshot> newGroups,
                                          boolean groupsLeftOut) {
        Set<String> continuing = newTopics.body().topics().stream()
                .filter(now -> topics.body().topic(now.name()).filter(was -> was.topicId().equals(now.topicId())).isPresent())
                .map(TopicMetadata::name).collect(Collectors.toSet());
        Instant seen = newGroups.key().takenAt();
        List<MirrorEvent> events = new ArrayList<>();
        for (GroupOffsetChange change : GroupOffsetChange.between(groups, newGroups.body(), continuing, groupsLeftOut)) {
            MirrorEvent.Type type = change.kind() == GroupOffsetChange.Kind.DELETED ? MirrorEvent.Type.GROUP_OFFSETS_DELETED
                    : MirrorEvent.Type.GROUP_OFFSETS_RESET;
            events.add(new MirrorEvent(type, seen, change.topic(), -1, change.sentence(seen, groupSeenAt.get(change.group()))));
        }
        return events;
    }

    private static <B extends SnapshotBody> Snapshot<B> latest(SnapshotHistory history, SnapshotReader reader,
                                                               SnapshotKind<B> kind, Instant now) {
        try {
            return history.latestAtOrBefore(kind, now).map(key -> reader.read(key, kind)).orElse(null);
        } catch (SnapshotFormatException | StoreException e) {
            LOG.warn("The latest {} snapshot cannot be read, so the first round only sets the baseline to compare with: {}",
                    kind, e.getMessage());
            return null;
        }
    }
}
