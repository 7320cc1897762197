package io.kafmirror.engine.restore;

import io.kafmirror.engine.config.DurationText;
import io.kafmirror.engine.snapshot.CommittedOffset;
import io.kafmirror.engine.snapshot.GroupOffsets;
import io.kafmirror.engine.snapshot.GroupOffsetsSnapshot;
import io.kafmirror.engine.snapshot.SnapshotHistory;
import io.kafmirror.engine.snapshot.SnapshotKey;
import io.kafmirror.engine.snapshot.SnapshotKind;
import io.kafmirror.engine.snapshot.SnapshotReader;
import io.kafmirror.kfs.catalog.SegmentArchive;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Computes where consumer groups stood on a restored topic at the restore point, in the target's offsets: each
 * group's committed offset C in the latest group-offsets snapshot at or before the restore point becomes the target
 * offset of the first restored record at or after C, so a consumer continues with the record it had not yet
 * processed. Reads the snapshot, the catalog and at most one chunk per group and partition; never the backup.
 */
public final class GroupOffsetTranslator {

    private final SegmentArchive archive;
    private final Duration staleAfter;

    /**
     * A translator over the segments and snapshots of {@code archive}, warning when the snapshot used is more than
     * {@code staleAfter} older than the restore point (e.g. twice the job's {@code snapshot_interval}).
     */
    public GroupOffsetTranslator(SegmentArchive archive, Duration staleAfter) {
        this.archive = archive;
        this.staleAfter = staleAfter;
    }

    /**
     * The offsets of {@code groups} (empty: every group with offsets on the topic) as of the restore point of
     * {@code plan}, restored into {@code target}, each set on the target under the name {@code rename} gives it.
     * A {@link RestorePlanException} says which snapshots or groups exist when these do not.
     */
    public GroupOffsetTranslation translate(RestorePlan plan, RestoreTarget target, Set<String> groups,
                                            UnaryOperator<String> rename) {
        RestoreRequest request = plan.request();
        if (!(request.point() instanceof RestorePoint.AtTime to)) {
            throw new RestorePlanException("Consumer groups are moved to where they were at a restore time, and this plan"
                    + " ends at per-partition offsets: restore to a time to move groups.");
        }
        SnapshotHistory history = new SnapshotHistory(archive.store(), request.cluster());
        SnapshotKey key = history.latestAtOrBefore(SnapshotKind.GROUP_OFFSETS, to.at())
                .orElseThrow(() -> noSnapshot(history, request.cluster(), to.at()));
        GroupOffsetsSnapshot snapshot = new SnapshotReader(archive.store()).read(key, SnapshotKind.GROUP_OFFSETS).body();

        List<String> warnings = new ArrayList<>();
        Duration age = Duration.between(key.takenAt(), to.at());
        if (age.compareTo(staleAfter) > 0) {
            warnings.add("The group offsets come from the snapshot taken at " + key.takenAt() + ", " + DurationText.format(age)
                    + " before the restore point " + to.at() + ": the groups will read again what they processed in"
                    + " between.");
        }
        Map<String, List<CommittedOffset>> selected = select(snapshot, key, request.topic(), groups);
        checkNames(selected.keySet(), rename);
        Map<Integer, PartitionCut> cuts = plan.cuts().stream().collect(Collectors.toMap(PartitionCut::partition,
                Function.identity()));
        OffsetMap offsets = new OffsetMap(archive, plan, target);
        List<TranslatedGroup> translated = new ArrayList<>();
        selected.forEach((group, committed) -> {
            List<TranslatedOffset> moved = new ArrayList<>();
            for (CommittedOffset c : committed) {
                PartitionCut cut = cuts.get(c.partition());
                if (cut == null) {
                    warnings.add("Group " + group + " keeps no offset on partition " + c.partition() + " of " + target.topic()
                            + ": that partition is not restored.");
                } else {
                    moved.add(new TranslatedOffset(c.partition(), c.offset(), offsets.targetOffset(cut, c.offset()),
                            c.metadata()));
                }
            }
            if (!moved.isEmpty()) {
                translated.add(new TranslatedGroup(group, rename.apply(group), moved));
            }
        });
        if (selected.isEmpty()) {
            warnings.add("No consumer group had committed offsets on topic '" + request.topic() + "' in the snapshot taken"
                    + " at " + key.takenAt() + ": no group is moved.");
        }
        return new GroupOffsetTranslation(key, target.topic(), translated, warnings);
    }

    private static RestorePlanException noSnapshot(SnapshotHistory history, String cluster, Instant at) {
        List<SnapshotKey> all = history.list(SnapshotKind.GROUP_OFFSETS);
        if (all.isEmpty()) {
            return new RestorePlanException("The store holds no group-offsets snapshot of cluster '" + cluster + "', so no"
                    + " consumer group can be moved: a running backup job takes one every snapshot_interval.");
        }
        return new RestorePlanException("No group-offsets snapshot of cluster '" + cluster + "' was taken at or before "
                + at + ": the first was taken at " + all.get(0).takenAt() + ". Choose a restore point at or after it to"
                + " move consumer groups, or restore without moving them.");
    }

    /** Per group, sorted by name, its committed offsets on {@code topic}; refuses names without any. */
    private static Map<String, List<CommittedOffset>> select(GroupOffsetsSnapshot snapshot, SnapshotKey key, String topic,
                                                             Set<String> groups) {
        Map<String, List<CommittedOffset>> onTopic = new TreeMap<>();
        for (GroupOffsets g : snapshot.groups()) {
            List<CommittedOffset> offsets = g.offsets().stream().filter(c -> c.topic().equals(topic)).toList();
            if (!offsets.isEmpty()) {
                onTopic.put(g.groupId(), offsets);
            }
        }
        if (groups.isEmpty()) {
            return onTopic;
        }
        List<String> unknown = groups.stream().filter(g -> !onTopic.containsKey(g)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new RestorePlanException("Consumer group(s) " + unknown + " had no committed offsets on topic '" + topic
                    + "' in the group-offsets snapshot taken at " + key.takenAt() + "; the groups it holds on that topic"
                    + " are " + onTopic.keySet() + ".");
        }
        onTopic.keySet().retainAll(groups);
        return onTopic;
    }

    private static void checkNames(Set<String> groups, UnaryOperator<String> rename) {
        Map<String, String> byTarget = new HashMap<>();
        for (String group : groups) {
            String other = byTarget.putIfAbsent(rename.apply(group), group);
            if (other != null) {
                throw new RestorePlanException("Groups " + other + " and " + group + " would both become group "
                        + rename.apply(group) + " on the target: choose a renaming that keeps them apart.");
            }
        }
    }
}
