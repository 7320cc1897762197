package io.kafmirror.engine.state;

import java.time.Instant;
import java.util.Objects;

/**
 * How one partition of a job stood at one moment. In a downsampled series a sample stands for a time
 * bucket: see {@link MetricsSeries#series}.
 *
 * @param job              the job's name
 * @param topic            the source topic
 * @param partition        the partition
 * @param at               when it was measured
 * @param sourceEndOffset  the source partition's end offset (the offset its next record will get)
 * @param storedOffset     the next offset to store: every record before it is durable in the store
 * @param lagRecords       records in the source not yet stored (compacted or aborted offsets included, as Kafka counts them)
 * @param lagSeconds       age of the oldest record not yet stored, 0 when none is waiting
 * @param recordsPerSecond records stored per second over the sampling interval
 * @param bytesPerSecond   bytes stored per second over the sampling interval
 * @param latencyP50Millis median time from source append to durable in the store over the interval, or {@code null}
 *                         when nothing was stored in it
 * @param lastError        the error that stops or slows the partition, or {@code null} when there is none
 */
public record MetricSample(String job, String topic, int partition, Instant at, long sourceEndOffset, long storedOffset,
                           long lagRecords, double lagSeconds, double recordsPerSecond, double bytesPerSecond,
                           Long latencyP50Millis, String lastError) {

    /** Checks the identifying fields. */
    public MetricSample {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(at, "at");
    }
}
