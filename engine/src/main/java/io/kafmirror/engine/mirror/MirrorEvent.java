package io.kafmirror.engine.mirror;

import static io.kafmirror.engine.mirror.EventKind.ANOMALY;
import static io.kafmirror.engine.mirror.EventKind.ROUTINE;
import static io.kafmirror.engine.mirror.Severity.CRITICAL;
import static io.kafmirror.engine.mirror.Severity.INFO;
import static io.kafmirror.engine.mirror.Severity.WARNING;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

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

    /**
     * The kinds of events, each with its {@link Severity} and whether it is an {@link EventKind#ANOMALY} or
     * {@link EventKind#ROUTINE}: a new type is one line that decides both.
     */
    public enum Type {
        /** Source records were deleted by retention before they were stored: the backup has a hole. */
        GAP(CRITICAL, ANOMALY),
        /** A mirrored topic disappeared from the source; its backup is kept. */
        TOPIC_DELETED(CRITICAL, ANOMALY),
        /** A topic name came back with a new topic ID; it is stored as a new generation. */
        TOPIC_RECREATED(WARNING, ANOMALY),
        /** A new topic matching the job's patterns is now mirrored. */
        TOPIC_ADDED(INFO, ROUTINE),
        /** A mirrored topic gained partitions. */
        PARTITIONS_ADDED(INFO, ANOMALY),
        /** The source refused our credentials or permissions, or the TLS handshake with it failed. */
        AUTH_FAILURE(CRITICAL, ANOMALY),
        /** The store refused or failed a write; the engine retries and pauses reading meanwhile. */
        STORE_ERROR(CRITICAL, ANOMALY),
        /** The store accepts writes again after errors. */
        STORE_RECOVERED(INFO, ROUTINE),
        /** Mirroring stopped on an error (source unreachable, credentials refused, ...); it restarts after a pause. */
        MIRROR_FAILED(CRITICAL, ANOMALY),
        /** A snapshot round could not store a kind, or left out topics or groups it may not describe. */
        SNAPSHOT_INCOMPLETE(WARNING, ANOMALY),
        /** A share of a topic's records is no longer in its usual payload format (e.g. not valid JSON): a bad deploy? */
        FORMAT_DRIFT(CRITICAL, ANOMALY),
        /** A topic's records are in its usual payload format again. */
        FORMAT_DRIFT_ENDED(INFO, ROUTINE),
        /** A topic gets far more records a second than usual (counted by record time): a runaway producer, a replay? */
        THROUGHPUT_SPIKE(CRITICAL, ANOMALY),
        /** A topic's rate is back inside its usual range after a spike. */
        THROUGHPUT_SPIKE_ENDED(INFO, ROUTINE),
        /** A topic gets far fewer records a second than usual, or none: a stalled or dead upstream? */
        THROUGHPUT_DROP(WARNING, ANOMALY),
        /** A topic's rate is back inside its usual range after a drop. */
        THROUGHPUT_DROP_ENDED(INFO, ROUTINE),
        /** The median size of a topic's record values moved far from the usual: blobs in an event topic, emptied events? */
        RECORD_SIZE_SHIFT(WARNING, ANOMALY),
        /** A topic's record values are of their usual size again. */
        RECORD_SIZE_SHIFT_ENDED(INFO, ROUTINE),
        /** A topic's records carry a header key they did not, or lack one they all carried: a new producer, a deploy? */
        HEADER_KEYS_CHANGED(WARNING, ANOMALY),
        /** Records carry producer timestamps far ahead of when they were read, or far behind their partition's newest. */
        TIMESTAMP_SKEW(WARNING, ANOMALY),
        /** A topic's records carry far more or fewer distinct keys than usual: random keys from a leaked producer, one key for all? */
        KEY_CARDINALITY_SHIFT(WARNING, ANOMALY),
        /** A topic's keys are as varied as usual again. */
        KEY_CARDINALITY_SHIFT_ENDED(INFO, ROUTINE),
        /** A partition has stored nothing for minutes while the source holds records for it: its backup is not keeping up. */
        PARTITION_STALLED(CRITICAL, ANOMALY),
        /** A stalled partition is backed up again. */
        PARTITION_STALL_ENDED(INFO, ROUTINE),
        /** A job's lag rose far beyond its usual, in records and seconds: the backup is falling behind. */
        LAG_SPIKE(WARNING, ANOMALY),
        /** A lag spike's seconds lag is ten times its bar: minutes of records the backup does not hold yet. */
        LAG_SPIKE_SEVERE(CRITICAL, ANOMALY),
        /** A job's lag is back to its usual after a spike. */
        LAG_SPIKE_ENDED(INFO, ROUTINE),
        /** A job's lag in seconds passed the ceiling set for it (its max_lag): its recovery point is older than allowed. */
        LAG_OVER_CEILING(CRITICAL, ANOMALY),
        /** A job's lag is back under its ceiling. */
        LAG_OVER_CEILING_ENDED(INFO, ROUTINE),
        /** retention.ms or retention.bytes lowered, or cleanup.policy now deleting, on a mirrored topic: the source deletes sooner. */
        RETENTION_LOWERED(CRITICAL, ANOMALY),
        /** retention.ms, retention.bytes or cleanup.policy of a mirrored topic changed in a way that deletes no sooner. */
        TOPIC_CONFIG_CHANGED(INFO, ANOMALY),
        /** A consumer group's committed offsets on a mirrored topic are gone: deleted by an admin, or expired. */
        GROUP_OFFSETS_DELETED(CRITICAL, ANOMALY),
        /** A consumer group's committed offset on a mirrored topic moved backwards: its consumers read records again. */
        GROUP_OFFSETS_RESET(WARNING, ANOMALY),
        /** A restore drill failed: the backup could not be restored or read back as stored; the finding names where. */
        DRILL_FAILED(CRITICAL, ANOMALY),
        /** A restore drill passed: the drilled topics were restored (or their segments verified) equal to the backup. */
        DRILL_PASSED(INFO, ROUTINE);

        private final Severity severity;
        private final EventKind kind;

        Type(Severity severity, EventKind kind) {
            this.severity = severity;
            this.kind = kind;
        }

        /** How much an event of this type matters to the backup. */
        public Severity severity() {
            return severity;
        }

        /** Whether an event of this type is an anomaly, listed as an alert, rather than routine. */
        public boolean anomaly() {
            return kind == EventKind.ANOMALY;
        }

        /** The type named {@code name}, e.g. {@code FORMAT_DRIFT}; the message of the failure lists the types there are. */
        public static Type named(String name) {
            for (Type type : values()) {
                if (type.name().equalsIgnoreCase(name.trim())) {
                    return type;
                }
            }
            throw new IllegalArgumentException("There is no event type '" + name + "'. The types are: "
                    + Arrays.stream(values()).map(Type::name).collect(Collectors.joining(", ")) + ".");
        }
    }

    public MirrorEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(message, "message");
    }
}
