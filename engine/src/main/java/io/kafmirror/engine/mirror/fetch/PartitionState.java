package io.kafmirror.engine.mirror.fetch;

/** The read state of one assigned partition: where the next fetch starts, paused or not, and any retry backoff. */
final class PartitionState {

    /** No position yet: the partition needs a seek. */
    static final long NO_POSITION = -1;

    long position = NO_POSITION;
    boolean paused;
    long retryAfterMs;

    boolean hasPosition() {
        return position != NO_POSITION;
    }
}
