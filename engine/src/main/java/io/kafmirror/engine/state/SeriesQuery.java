package io.kafmirror.engine.state;

import java.time.Instant;

/**
 * Which metric series to read: of a job, optionally one topic or one partition, between two instants
 * (both included), with at most {@code maxPoints} points per partition.
 *
 * @param job       the job's name
 * @param topic     the topic, or {@code null} for all of the job's topics
 * @param partition the partition, or {@code null} for all partitions
 * @param from      the earliest time included
 * @param to        the latest time included
 * @param maxPoints how many points one partition's series may have at most, e.g. the chart's width in pixels
 */
public record SeriesQuery(String job, String topic, Integer partition, Instant from, Instant to, int maxPoints) {

    /** Checks the range and the number of points. */
    public SeriesQuery {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("The series range starts at " + from + ", after its end " + to + ": swap them");
        }
        if (maxPoints <= 0) {
            throw new IllegalArgumentException("A series needs room for at least one point, not " + maxPoints);
        }
        if (partition != null && topic == null) {
            throw new IllegalArgumentException("Partition " + partition + " of which topic? Give the topic too");
        }
    }

    /** Every partition of {@code job} from {@code from} to {@code to}, at most {@code maxPoints} points each. */
    public static SeriesQuery of(String job, Instant from, Instant to, int maxPoints) {
        return new SeriesQuery(job, null, null, from, to, maxPoints);
    }

    /** This query for the partitions of {@code topic} only. */
    public SeriesQuery topic(String topic) {
        return new SeriesQuery(job, topic, null, from, to, maxPoints);
    }

    /** This query for one partition only. */
    public SeriesQuery partition(String topic, int partition) {
        return new SeriesQuery(job, topic, partition, from, to, maxPoints);
    }
}
