package io.kafmirror.engine.mirror;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** The timestamps of a buffer's records, per partition in offset order: what mirror latency is measured from. */
final class RecordTimestamps {

    /** No records. */
    static final RecordTimestamps NONE = new RecordTimestamps();

    private final Map<Integer, long[]> byPartition = new HashMap<>();
    private final Map<Integer, Integer> sizes = new HashMap<>();

    void add(int partition, long timestamp) {
        int size = sizes.getOrDefault(partition, 0);
        long[] values = byPartition.computeIfAbsent(partition, p -> new long[64]);
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
            byPartition.put(partition, values);
        }
        values[size] = timestamp;
        sizes.put(partition, size + 1);
    }

    /** The timestamps of {@code partition}'s records, oldest offset first. */
    long[] of(int partition) {
        long[] values = byPartition.get(partition);
        return values == null ? new long[0] : Arrays.copyOf(values, sizes.get(partition));
    }
}
