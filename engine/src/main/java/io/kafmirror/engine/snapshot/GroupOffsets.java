package io.kafmirror.engine.snapshot;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The committed offsets of one consumer group on the mirrored topics.
 *
 * @param groupId the group
 * @param state   its state when listed, Kafka's name for it ({@code Stable}, {@code Empty}, …; {@code Unknown} if the source gave none)
 * @param offsets its committed offsets, sorted by topic then partition
 */
public record GroupOffsets(String groupId, String state, List<CommittedOffset> offsets) {

    private static final Comparator<CommittedOffset> ORDER =
            Comparator.comparing(CommittedOffset::topic).thenComparingInt(CommittedOffset::partition);

    public GroupOffsets {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(state, "state");
        offsets = Objects.requireNonNull(offsets, "offsets").stream().sorted(ORDER).toList();
    }
}
