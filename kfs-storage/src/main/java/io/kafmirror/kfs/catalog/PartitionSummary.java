package io.kafmirror.kfs.catalog;

/**
 * What the backup holds of one partition, over all its segments.
 *
 * @param cluster      source cluster
 * @param topic        source topic
 * @param partition    source partition
 * @param firstOffset  first stored offset
 * @param lastOffset   last stored offset
 * @param recordCount  stored records
 * @param minTimestamp smallest stored timestamp
 * @param maxTimestamp largest stored timestamp
 * @param segments     segments holding a chunk of it
 * @param bytes        compressed bytes of its chunks
 */
public record PartitionSummary(String cluster, String topic, int partition, long firstOffset, long lastOffset,
                               long recordCount, long minTimestamp, long maxTimestamp, int segments, long bytes) {
}
