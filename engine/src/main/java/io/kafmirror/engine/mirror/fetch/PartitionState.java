package io.kafmirror.engine.mirror.fetch;

/** The read state of one assigned partition: where the next fetch starts, its end as last seen, paused or not, and any retry backoff. */
final class PartitionState {

    /** No position yet: the partition needs a seek. */
    static final long NO_POSITION = -1;

    long position = NO_POSITION;
    // The partition's end (high watermark, or last stable offset under read_committed) as the last fetch answered.
    long knownEnd = NO_POSITION;
    boolean paused;
    long retryAfterMs;

    boolean hasPosition() {
        return position != NO_POSITION;
    }
}
