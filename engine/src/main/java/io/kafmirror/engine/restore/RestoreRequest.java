package io.kafmirror.engine.restore;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What the operator asks to restore: a topic of a backed-up cluster up to a restore point.
 *
 * @param cluster          the source cluster the backup was taken from
 * @param topic            the source topic
 * @param point            where the restore ends
 * @param from             where a window starts (the first record whose max-timestamp-so-far reaches it), or null
 *                         for the start of the backup
 * @param partitions       the partitions to restore; empty for all
 * @param generation       the topic id of the generation to restore, or null for the newest (a topic deleted and
 *                         created again under the same name is a new generation)
 * @param strictTimestamps whether the records of a window earlier than its start are left out (out-of-order records
 *                         after the first that reaches it); without a window it changes nothing, as no record before
 *                         the cut is later than the restore point
 */
public record RestoreRequest(String cluster, String topic, RestorePoint point, Instant from, Set<Integer> partitions,
                             UUID generation, boolean strictTimestamps) {

    /** Copies the partitions, sorted, and checks the window. */
    public RestoreRequest {
        partitions = partitions == null ? Set.of() : Set.copyOf(new TreeSet<>(partitions));
        if (from != null && point instanceof RestorePoint.AtTime to && from.isAfter(to.at())) {
            throw new IllegalArgumentException("The window starts at " + from + ", after its end " + to.at()
                    + ": give a --from before --to");
        }
    }

    /** All of {@code topic} as it was at {@code point}. */
    public static RestoreRequest of(String cluster, String topic, RestorePoint point) {
        return new RestoreRequest(cluster, topic, point, null, Set.of(), null, false);
    }

    /** This request, restricted to {@code only}. */
    public RestoreRequest withPartitions(Set<Integer> only) {
        return new RestoreRequest(cluster, topic, point, from, only, generation, strictTimestamps);
    }

    /** This request, starting its window at {@code start}. */
    public RestoreRequest withFrom(Instant start) {
        return new RestoreRequest(cluster, topic, point, start, partitions, generation, strictTimestamps);
    }

    /** This request, for the generation {@code topicId}. */
    public RestoreRequest withGeneration(UUID topicId) {
        return new RestoreRequest(cluster, topic, point, from, partitions, topicId, strictTimestamps);
    }

    /** This request, leaving out the records of its window that are earlier than the window's start. */
    public RestoreRequest withStrictTimestamps() {
        return new RestoreRequest(cluster, topic, point, from, partitions, generation, true);
    }

    /** The earliest timestamp restored: the window's start under strict timestamps, else no limit. */
    long lowestTimestamp() {
        return strictTimestamps && from != null ? from.toEpochMilli() : Long.MIN_VALUE;
    }
}
