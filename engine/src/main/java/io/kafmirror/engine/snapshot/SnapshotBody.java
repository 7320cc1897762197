package io.kafmirror.engine.snapshot;

/** The kind-specific content of a snapshot, serialised as the envelope's {@code body}. */
public sealed interface SnapshotBody permits TopicsSnapshot, GroupOffsetsSnapshot {

    /** The kind this body belongs to. */
    SnapshotKind<?> kind();
}
