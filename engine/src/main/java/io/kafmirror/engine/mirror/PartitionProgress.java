package io.kafmirror.engine.mirror;

/**
 * Where mirroring of one partition stands, over the interval since the previous sample.
 *
 * @param topic             the source topic
 * @param partition         its partition
 * @param sourceEndOffset   the source's log end offset (the offset its next record gets); -1 until known
 * @param storedOffset      the offset after the last stored record, where a restart resumes; -1 when nothing is stored
 * @param lagRecords        offsets on the source not yet stored; -1 until the end offset is known
 * @param lagSeconds        the recovery point: now minus the last instant before which every record written to the
 *                          partition is stored (docs/engine.md, lag in seconds), 0 when nothing is missing,
 *                          -1 when unknown (nothing stored yet)
 * @param recordsPerSecond  records stored per second over the interval
 * @param bytesPerSecond    stored chunk bytes (compressed, as in the store) per second over the interval
 * @param latencyP50Millis  median time from a record's timestamp to its segment being durable, over the interval
 * @param latencyP99Millis  the 99th percentile of the same
 * @param sourceHighWatermark the offset after the source's last record, read or not: beyond {@code sourceEndOffset}
 *                          while a transaction is open on the partition under read_committed; -1 until known
 */
public record PartitionProgress(String topic, int partition, long sourceEndOffset, long storedOffset, long lagRecords,
                                double lagSeconds, double recordsPerSecond, double bytesPerSecond,
                                long latencyP50Millis, long latencyP99Millis, long sourceHighWatermark) {
}
