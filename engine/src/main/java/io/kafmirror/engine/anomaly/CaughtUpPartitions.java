package io.kafmirror.engine.anomaly;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which of a job's partitions count in its lag: those that were caught up (seconds lag known and within a floor) at
 * some sample. A new job, or a new topic, reading its existing history is far behind at first, and that is neither a
 * spike nor a breach of the job's ceiling. A partition of which nothing is stored any more (its topic recreated) has
 * to catch up again. Not thread-safe.
 */
final class CaughtUpPartitions {

    private final double floorSeconds;
    private final Set<String> caughtUp = new HashSet<>();

    /** Partitions count once their seconds lag was at most {@code floorSeconds}. */
    CaughtUpPartitions(double floorSeconds) {
        this.floorSeconds = floorSeconds;
    }

    /** The partitions of a sample that count, after taking in which of them are caught up now. */
    List<LagSpike.PartitionLag> counted(List<LagSpike.PartitionLag> partitions) {
        List<LagSpike.PartitionLag> counted = new ArrayList<>();
        for (LagSpike.PartitionLag p : partitions) {
            if (p.seconds() >= 0 && p.seconds() <= floorSeconds) {
                caughtUp.add(p.name());
            } else if (p.seconds() < 0) {
                caughtUp.remove(p.name());
            }
            if (caughtUp.contains(p.name())) {
                counted.add(p);
            }
        }
        return counted;
    }
}
