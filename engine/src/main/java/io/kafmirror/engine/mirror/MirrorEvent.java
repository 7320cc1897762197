package io.kafmirror.engine.mirror;

import java.time.Instant;
import java.util.Objects;

/**
 * Something an operator must know about a backup, recorded rather than silently handled.
 *
 * @param type      what happened
 * @param at        when the engine noticed it; for a change in the records themselves, the record time it began or ended
 * @param topic     the source topic, or {@code null} when it concerns the whole job
 * @param partition the partition, or -1 when it concerns the whole topic or job
 * @param message   a sentence an operator understands, naming offsets and what the engine did
 */
public record MirrorEvent(Type type, Instant at, String topic, int partition, String message) {

    /** The kinds of events. */
    public enum Type {
        /** Source records were deleted by retention before they were stored: the backup has a hole. */
        GAP,
        /** A mirrored topic disappeared from the source; its backup is kept. */
        TOPIC_DELETED,
        /** A topic name came back with a new topic ID; it is stored as a new generation. */
        TOPIC_RECREATED,
        /** A new topic matching the job's patterns is now mirrored. */
        TOPIC_ADDED,
        /** A mirrored topic gained partitions. */
        PARTITIONS_ADDED,
        /** The source refused our credentials or permissions, or the TLS handshake with it failed. */
        AUTH_FAILURE,
        /** The store refused or failed a write; the engine retries and pauses reading meanwhile. */
        STORE_ERROR,
        /** The store accepts writes again after errors. */
        STORE_RECOVERED,
        /** Mirroring stopped on an error (source unreachable, credentials refused, ...); it restarts after a pause. */
        MIRROR_FAILED,
        /** A snapshot round could not store a kind, or left out topics or groups it may not describe. */
        SNAPSHOT_INCOMPLETE,
        /** A share of a topic's records is no longer in its usual payload format (e.g. not valid JSON): a bad deploy? */
        FORMAT_DRIFT,
        /** A topic's records are in its usual payload format again. */
        FORMAT_DRIFT_ENDED,
        /** A topic gets far more records a second than usual (counted by record time): a runaway producer, a replay? */
        THROUGHPUT_SPIKE,
        /** A topic's rate is back inside its usual range after a spike. */
        THROUGHPUT_SPIKE_ENDED,
        /** A topic gets far fewer records a second than usual, or none: a stalled or dead upstream? */
        THROUGHPUT_DROP,
        /** A topic's rate is back inside its usual range after a drop. */
        THROUGHPUT_DROP_ENDED,
        /** The median size of a topic's record values moved far from the usual: blobs in an event topic, emptied events? */
        RECORD_SIZE_SHIFT,
        /** A topic's record values are of their usual size again. */
        RECORD_SIZE_SHIFT_ENDED,
        /** A topic's records carry a header key they did not, or lack one they all carried: a new producer, a deploy? */
        HEADER_KEYS_CHANGED,
        /** Records carry producer timestamps far ahead of when they were read, or far behind their partition's newest. */
        TIMESTAMP_SKEW,
        /** retention.ms or retention.bytes lowered, or cleanup.policy now deleting, on a mirrored topic: the source deletes sooner. */
        RETENTION_LOWERED,
        /** retention.ms, retention.bytes or cleanup.policy of a mirrored topic changed in a way that deletes no sooner. */
        TOPIC_CONFIG_CHANGED,
        /** A consumer group's committed offsets on a mirrored topic are gone: deleted by an admin, or expired. */
        GROUP_OFFSETS_DELETED,
        /** A consumer group's committed offset on a mirrored topic moved backwards: its consumers read records again. */
        GROUP_OFFSETS_RESET
    }

    public MirrorEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(message, "message");
    }
}
