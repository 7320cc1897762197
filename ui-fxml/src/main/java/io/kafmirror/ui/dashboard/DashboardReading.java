package io.kafmirror.ui.dashboard;

import io.kafmirror.engine.state.LagPercentiles;
import java.time.Instant;
import java.util.List;

/**
 * What one read of the state database gives the dashboard: the jobs to pick from and, for the job shown, its
 * totals over the range, its history in the range and its partitions' newest samples.
 *
 * @param jobs       the jobs' names, sorted
 * @param job        the job read, or {@code null} when there is none
 * @param topics     the job's topics, sorted: those of its partitions' newest samples
 * @param topic      the topic read, or {@code null} for all of the job's
 * @param range      the range read
 * @param from       where the chart starts: the range's start, or the job's creation when it is younger
 *                   ({@link DashboardRange#start}); points and markers are read over the whole range
 * @param to         the range's end: when it was read
 * @param points     the job's totals over the range, oldest first
 * @param markers    the job's history (of the topic and of the whole job) in the range, lag spikes among it, oldest first
 * @param partitions each partition's (of the topic's) newest sample, sorted by topic and partition
 * @param lag        the lag percentiles of the job (of the topic) over the range, or {@code null} when there is no job
 */
public record DashboardReading(List<String> jobs, String job, List<String> topics, String topic, DashboardRange range,
                               Instant from, Instant to, List<TotalPoint> points, List<EventMarker> markers,
                               List<PartitionRow> partitions, LagPercentiles lag) {

    /** Copies the lists. */
    public DashboardReading {
        jobs = List.copyOf(jobs);
        topics = List.copyOf(topics);
        points = List.copyOf(points);
        markers = List.copyOf(markers);
        partitions = List.copyOf(partitions);
    }
}
