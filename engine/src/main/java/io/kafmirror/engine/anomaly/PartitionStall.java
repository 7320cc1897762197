package io.kafmirror.engine.anomaly;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Watches one job's partitions from its progress samples and tells when one stops being backed up while the source
 * has records for it — a partition whose leader is unavailable to our consumer, a fetch stuck on one broker, a
 * transaction left open on it (under read_committed nothing after its first record can be read) — and when it moves
 * again. The rest of the job may go on meanwhile, so the job as a whole need not have failed.
 *
 * <p>A partition is stalled once its stored offset has not moved for {@value #STALL_AFTER_SECONDS} s while the source's
 * end offset is beyond it; the stall is dated from the last sample at which it had moved. Not thread-safe.
 */
public final class PartitionStall {

    static final long STALL_AFTER_SECONDS = 120;

    private final Map<String, Partition> partitions = new HashMap<>();

    /**
     * What a stall means to an operator.
     *
     * @param beginning true when it begins, false when the partition moves again
     * @param topic     the topic
     * @param partition the partition
     * @param at        since when nothing was stored, or when it moved again
     * @param message   a sentence an operator understands
     */
    public record Finding(boolean beginning, String topic, int partition, Instant at, String message) {
    }

    private static final class Partition {
        long stored;
        Instant movedAt;
        boolean stalled;
    }

    /** Takes a sample of {@code topic}-{@code partition} at {@code at}: the offset after its last source record, and its stored one. */
    public Optional<Finding> observe(String topic, int partition, Instant at, long sourceEnd, long stored) {
        String name = topic + "-" + partition;
        Partition p = partitions.computeIfAbsent(name, k -> new Partition());
        if (p.movedAt == null || p.stored != stored || sourceEnd <= stored) {
            boolean wasStalled = p.stalled;
            Instant since = p.movedAt;
            p.stored = stored;
            p.movedAt = at;
            p.stalled = false;
            return wasStalled ? Optional.of(new Finding(false, topic, partition, at, name + " is backed up again (offset "
                    + PlainUnits.count(stored) + "); nothing was stored from " + since + " to " + at + "."))
                    : Optional.empty();
        }
        if (!p.stalled && Duration.between(p.movedAt, at).getSeconds() >= STALL_AFTER_SECONDS) {
            p.stalled = true;
            return Optional.of(new Finding(true, topic, partition, p.movedAt, name + ": nothing stored since " + p.movedAt
                    + " although the source holds " + PlainUnits.count(sourceEnd - stored)
                    + " records more (up to offset " + PlainUnits.count(sourceEnd)
                    + "); the backup of this partition is not keeping up. Check its leader, a transaction left open on it"
                    + " (read_committed reads stop at its first record) and the engine's log."));
        }
        return Optional.empty();
    }
}
