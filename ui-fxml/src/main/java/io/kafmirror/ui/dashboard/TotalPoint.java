package io.kafmirror.ui.dashboard;

import io.kafmirror.engine.state.MetricSample;
import io.kafmirror.engine.state.PartitionSeries;
import io.kafmirror.engine.state.SeriesQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One point of a job's chart: its partitions summed over one time bucket of a {@link SeriesQuery}.
 *
 * @param at               the newest sample of the bucket, over all partitions
 * @param lagRecords       the partitions' lag summed (each partition's highest in the bucket, as the series gives it)
 * @param recordsPerSecond the partitions' throughput summed (each partition's mean in the bucket)
 */
public record TotalPoint(Instant at, long lagRecords, double recordsPerSecond) {

    /**
     * The job's totals over time from the per-partition {@code series} that {@code query} read. Points are summed
     * per bucket of the query, cut as {@code MetricsSeries.series} cuts them, so the partitions' points of one bucket
     * add up even when the engine sampled them at slightly different instants.
     */
    public static List<TotalPoint> of(SeriesQuery query, List<PartitionSeries> series) {
        long from = query.from().toEpochMilli();
        long width = (query.to().toEpochMilli() - from) / query.maxPoints() + 1;
        Map<Long, TotalPoint> buckets = new TreeMap<>();
        for (PartitionSeries partition : series) {
            for (MetricSample s : partition.points()) {
                TotalPoint point = new TotalPoint(s.at(), Math.max(0, s.lagRecords()), s.recordsPerSecond());
                buckets.merge((s.at().toEpochMilli() - from) / width, point, TotalPoint::plus);
            }
        }
        return List.copyOf(buckets.values());
    }

    private TotalPoint plus(TotalPoint other) {
        return new TotalPoint(at.isAfter(other.at) ? at : other.at, lagRecords + other.lagRecords,
                recordsPerSecond + other.recordsPerSecond);
    }
}
