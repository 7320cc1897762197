package io.kafmirror.engine.anomaly;

import io.kafmirror.engine.snapshot.CommittedOffset;
import io.kafmirror.engine.snapshot.GroupOffsets;
import io.kafmirror.engine.snapshot.GroupOffsetsSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Committed offsets of one consumer group on one topic that were deleted, or moved backwards, between two
 * group-offsets snapshots. A group or partition that gains offsets, or moves forwards, is no change worth telling.
 *
 * @param kind       deleted or reset
 * @param group      the group
 * @param topic      the topic
 * @param partitions the partitions concerned, in partition order
 */
public record GroupOffsetChange(Kind kind, String group, String topic, List<Moved> partitions) {

    /** What happened to the offsets. */
    public enum Kind {
        /** The group no longer has a committed offset there: deleted by an admin, or expired while the group was empty. */
        DELETED,
        /** The committed offset is lower than before: the group will read records again. */
        RESET
    }

    /**
     * One partition's committed offset.
     *
     * @param partition the partition
     * @param before    the offset committed in the earlier snapshot
     * @param after     the offset committed in the later one; -1 when there is none any more
     */
    public record Moved(int partition, long before, long after) {
    }

    public GroupOffsetChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(topic, "topic");
        partitions = List.copyOf(partitions);
        if (partitions.isEmpty()) {
            throw new IllegalArgumentException("A change of group " + group + "'s offsets on " + topic + " names no partition");
        }
    }

    /**
     * The deletions and resets from {@code earlier} to {@code later}, by group, topic and kind, on the topics in
     * {@code continuing} only: those that existed with the same topic ID at both times, because a deleted or recreated
     * topic takes its groups' offsets with it and that is the topic events' business. A group absent from
     * {@code later} lost all its offsets, unless {@code groupsLeftOut}: then the later snapshot may have left it out
     * for want of permission, and only the groups it has are judged.
     */
    public static List<GroupOffsetChange> between(GroupOffsetsSnapshot earlier, GroupOffsetsSnapshot later,
                                                  Set<String> continuing, boolean groupsLeftOut) {
        List<GroupOffsetChange> changes = new ArrayList<>();
        for (GroupOffsets was : earlier.groups()) {
            Optional<GroupOffsets> now = later.group(was.groupId());
            if (now.isEmpty() && groupsLeftOut) {
                continue;
            }
            Map<String, Map<Integer, Long>> after = byTopic(now.map(GroupOffsets::offsets).orElse(List.of()));
            byTopic(was.offsets()).forEach((topic, before) -> {
                if (continuing.contains(topic)) {
                    Map<Integer, Long> committed = after.getOrDefault(topic, Map.of());
                    add(changes, Kind.DELETED, was.groupId(), topic, before, committed);
                    add(changes, Kind.RESET, was.groupId(), topic, before, committed);
                }
            });
        }
        return changes;
    }

    /**
     * The sentence for the operator, e.g. "group billing: committed offsets of orders deleted (partitions 0–2; last
     * committed 1,204, 998, 1,311) at …", for a change {@code seen} by a snapshot round and not yet there at
     * {@code previous}, the round before, whose snapshot still holds the former offsets.
     */
    public String sentence(Instant seen, Instant previous) {
        String numbers = PartitionRanges.of(partitions.stream().map(Moved::partition).toList());
        return switch (kind) {
            case DELETED -> "group " + group + ": committed offsets of " + topic + " deleted (" + numbers + "; last committed "
                    + partitions.stream().map(m -> PlainUnits.count(m.before())).collect(Collectors.joining(", "))
                    + ") at " + seen + " — by an admin, or expired while the group was empty; its consumers will start"
                    + " where their auto.offset.reset says. The snapshot of " + previous + " holds the deleted offsets.";
            case RESET -> "group " + group + ": committed offsets of " + topic + " reset backwards ("
                    + partitions.stream().map(m -> "partition " + m.partition() + " from " + PlainUnits.count(m.before())
                    + " to " + PlainUnits.count(m.after())).collect(Collectors.joining(", "))
                    + ") at " + seen + " — its consumers will read those records again. The snapshot of " + previous
                    + " holds the former offsets.";
        };
    }

    private static void add(List<GroupOffsetChange> changes, Kind kind, String group, String topic,
                            Map<Integer, Long> before, Map<Integer, Long> after) {
        List<Moved> moved = new ArrayList<>();
        before.forEach((partition, offset) -> {
            Long now = after.get(partition);
            boolean matches = kind == Kind.DELETED ? now == null : now != null && now < offset;
            if (matches) {
                moved.add(new Moved(partition, offset, now == null ? -1 : now));
            }
        });
        if (!moved.isEmpty()) {
            changes.add(new GroupOffsetChange(kind, group, topic, moved));
        }
    }

    private static Map<String, Map<Integer, Long>> byTopic(List<CommittedOffset> offsets) {
        return offsets.stream().collect(Collectors.groupingBy(CommittedOffset::topic, TreeMap::new,
                Collectors.toMap(CommittedOffset::partition, CommittedOffset::offset, (a, b) -> b, TreeMap::new)));
    }
}
