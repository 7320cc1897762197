package io.kafmirror.engine.state;

import java.time.Instant;

/**
 * How far one job's backup of one topic trailed its source over a period: the recovery point achieved. At each
 * sampled instant the topic's lag is its worst partition's; the percentiles are over those instants.
 *
 * @param job            the job's name
 * @param topic          the source topic
 * @param samples        sampled instants in the period
 * @param first          the first of them
 * @param last           the last of them
 * @param p50Seconds     median lag, seconds (linear interpolation between instants, as {@code PERCENTILE_CONT})
 * @param p95Seconds     95th percentile lag, seconds
 * @param p99Seconds     99th percentile lag, seconds
 * @param maxSeconds     the worst lag, seconds
 * @param maxRecords     the most records waiting in one partition at once
 */
public record TopicLag(String job, String topic, long samples, Instant first, Instant last, double p50Seconds,
                       double p95Seconds, double p99Seconds, double maxSeconds, long maxRecords) {
}
