package io.kafmirror.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.LongStream;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The CreateTime of every acknowledged record of a fresh topic, by partition and offset (a fresh
 * topic written without transactions numbers each partition's records 0, 1, 2, …), so the latency
 * of each stored record can be worked out from the offset ranges a segment covers.
 */
final class AckedTimestamps implements Callback {

    private static final long UNKNOWN = -1;

    private final AtomicLongArray[] byPartition;

    /** Room for {@code perPartition} records in each of {@code partitions} partitions. */
    AckedTimestamps(int partitions, int perPartition) {
        byPartition = new AtomicLongArray[partitions];
        for (int p = 0; p < partitions; p++) {
            long[] unknown = new long[perPartition];
            Arrays.fill(unknown, UNKNOWN);
            byPartition[p] = new AtomicLongArray(unknown);
        }
    }

    @Override
    public void onCompletion(RecordMetadata metadata, Exception e) {
        byPartition[metadata.partition()].set((int) metadata.offset(), metadata.timestamp());
    }

    /** The latency in ms of each record of {@code range}: from its CreateTime to the moment it was durable. */
    LongStream latencies(StoredCount.DurableRange range) {
        return LongStream.rangeClosed(range.firstOffset(), range.lastOffset())
                .map(offset -> range.storedAtMillis() - timestamp(range.partition(), offset));
    }

    private long timestamp(int partition, long offset) {
        long timestamp = byPartition[partition].get((int) offset);
        if (timestamp == UNKNOWN) {
            throw new IllegalStateException("Partition " + partition + " offset " + offset
                    + " was stored but never acknowledged to the producer");
        }
        return timestamp;
    }
}
