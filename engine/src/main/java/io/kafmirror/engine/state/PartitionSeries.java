package io.kafmirror.engine.state;

import java.util.List;

/**
 * The samples of one partition over a time range, oldest first: what one line of a chart draws.
 *
 * @param topic     the source topic
 * @param partition the partition
 * @param points    the samples, oldest first, at most as many as the query allowed
 */
public record PartitionSeries(String topic, int partition, List<MetricSample> points) {

    /** Copies the points. */
    public PartitionSeries {
        points = List.copyOf(points);
    }
}
