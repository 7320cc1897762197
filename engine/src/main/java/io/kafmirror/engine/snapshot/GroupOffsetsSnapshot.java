package io.kafmirror.engine.snapshot;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The body of a {@link SnapshotKind#GROUP_OFFSETS} snapshot: every consumer group with a committed offset
 * on a mirrored topic.
 *
 * @param groups one entry per group, sorted by group id so equal snapshots encode to equal bytes
 */
public record GroupOffsetsSnapshot(List<GroupOffsets> groups) implements SnapshotBody {

    public GroupOffsetsSnapshot {
        groups = Objects.requireNonNull(groups, "groups").stream().sorted(Comparator.comparing(GroupOffsets::groupId)).toList();
    }

    @Override
    public SnapshotKind<GroupOffsetsSnapshot> kind() {
        return SnapshotKind.GROUP_OFFSETS;
    }

    /** The offsets of {@code groupId}, if it had any on the mirrored topics. */
    public Optional<GroupOffsets> group(String groupId) {
        return groups.stream().filter(g -> g.groupId().equals(groupId)).findFirst();
    }
}
