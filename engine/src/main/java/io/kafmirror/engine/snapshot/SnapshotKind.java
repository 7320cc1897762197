package io.kafmirror.engine.snapshot;

import java.util.List;
import java.util.Optional;

/**
 * What a snapshot holds, and so which body class decodes it. A final class rather than an enum so
 * that each kind carries its body type: reading a {@code SnapshotKind<TopicsSnapshot>} yields a
 * {@code Snapshot<TopicsSnapshot>} without casts.
 *
 * @param <B> the body type of this kind
 */
public final class SnapshotKind<B extends SnapshotBody> {

    /** Topic metadata of the mirrored topics: partitions, replication factor, configs. */
    public static final SnapshotKind<TopicsSnapshot> TOPICS = new SnapshotKind<>("topics", TopicsSnapshot.class);
    /** Committed offsets of consumer groups on the mirrored topics. */
    public static final SnapshotKind<GroupOffsetsSnapshot> GROUP_OFFSETS =
            new SnapshotKind<>("group-offsets", GroupOffsetsSnapshot.class);

    private static final List<SnapshotKind<?>> ALL = List.of(TOPICS, GROUP_OFFSETS);

    private final String name;
    private final Class<B> bodyType;

    private SnapshotKind(String name, Class<B> bodyType) {
        this.name = name;
        this.bodyType = bodyType;
    }

    /** The name written in envelopes and keys, e.g. {@code group-offsets}. */
    public String name() {
        return name;
    }

    /** The kind written as {@code name}; empty for a kind this version does not know. */
    public static Optional<SnapshotKind<?>> named(String name) {
        return ALL.stream().filter(k -> k.name.equals(name)).findFirst();
    }

    Class<B> bodyType() {
        return bodyType;
    }

    @Override
    public String toString() {
        return name;
    }
}
