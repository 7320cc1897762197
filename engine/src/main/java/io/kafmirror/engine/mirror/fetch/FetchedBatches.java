package io.kafmirror.engine.mirror.fetch;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * What one {@link SourceBatchFetcher#poll} read: for each partition with data, its record batches in offset order.
 * Each buffer holds exactly one magic v2 batch, as the broker stores it unless it had to be rebuilt (it began
 * before the position, or was in an older message format). Buffers the broker's bytes fill are views into the
 * fetch response, which stays in memory while any of them is held.
 */
public final class FetchedBatches {

    private static final FetchedBatches EMPTY = new FetchedBatches(Map.of(), 0);

    private final Map<TopicPartition, List<ByteBuffer>> batches;
    private final long sizeInBytes;

    private FetchedBatches(Map<TopicPartition, List<ByteBuffer>> batches, long sizeInBytes) {
        this.batches = batches;
        this.sizeInBytes = sizeInBytes;
    }

    /** Nothing read. */
    public static FetchedBatches empty() {
        return EMPTY;
    }

    /** The batches of {@code byPartition}, each list in offset order; lists must not be empty. */
    static FetchedBatches of(Map<TopicPartition, List<ByteBuffer>> byPartition) {
        if (byPartition.isEmpty()) {
            return EMPTY;
        }
        Map<TopicPartition, List<ByteBuffer>> copy = new LinkedHashMap<>();
        long bytes = 0;
        for (Map.Entry<TopicPartition, List<ByteBuffer>> e : byPartition.entrySet()) {
            copy.put(e.getKey(), List.copyOf(e.getValue()));
            for (ByteBuffer b : e.getValue()) {
                bytes += b.remaining();
            }
        }
        return new FetchedBatches(Collections.unmodifiableMap(copy), bytes);
    }

    /** The partitions with at least one batch. */
    public Set<TopicPartition> partitions() {
        return batches.keySet();
    }

    /** The batches of {@code tp} in offset order; empty if it has none. */
    public List<ByteBuffer> batches(TopicPartition tp) {
        return batches.getOrDefault(tp, List.of());
    }

    /** Whether no partition has a batch. */
    public boolean isEmpty() {
        return batches.isEmpty();
    }

    /** The bytes of all batches together. */
    public long sizeInBytes() {
        return sizeInBytes;
    }

    /** How many batches there are over all partitions. */
    public int batchCount() {
        return batches.values().stream().mapToInt(List::size).sum();
    }
}
