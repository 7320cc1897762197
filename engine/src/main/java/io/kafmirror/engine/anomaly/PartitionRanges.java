package io.kafmirror.engine.anomaly;

import java.util.ArrayList;
import java.util.List;

/** Partition numbers as an operator reads them: "partition 4", "partitions 0–2, 5". */
final class PartitionRanges {

    private PartitionRanges() {
    }

    /** {@code partitions} (ascending, at least one) with runs of consecutive numbers written as ranges. */
    static String of(List<Integer> partitions) {
        List<String> runs = new ArrayList<>();
        int start = partitions.get(0);
        int end = start;
        for (int p : partitions.subList(1, partitions.size())) {
            if (p != end + 1) {
                runs.add(run(start, end));
                start = p;
            }
            end = p;
        }
        runs.add(run(start, end));
        return (partitions.size() == 1 ? "partition " : "partitions ") + String.join(", ", runs);
    }

    private static String run(int start, int end) {
        return start == end ? Integer.toString(start) : end == start + 1 ? start + ", " + end : start + "–" + end;
    }
}
