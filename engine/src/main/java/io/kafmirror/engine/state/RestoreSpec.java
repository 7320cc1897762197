package io.kafmirror.engine.state;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What a restore is, fixed when it first starts so that running it again resumes the very same restore.
 *
 * @param sourceCluster    the backed-up cluster
 * @param store            the store read
 * @param topic            the source topic
 * @param topicId          its generation
 * @param restorePoint     the restore point as the operator gave it, for people
 * @param from             the start of the window, or null
 * @param strictTimestamps whether records earlier than {@code from} were left out
 * @param targetCluster    the cluster written
 * @param targetTopic      the topic written
 * @param cutEnds          per partition, the first source offset not restored: the plan, made reproducible
 * @param startOffsets     per partition, the target's end offset when the restore began
 * @param plannedRecords   records the plan restores
 */
public record RestoreSpec(String sourceCluster, String store, String topic, UUID topicId, String restorePoint, Instant from,
                          boolean strictTimestamps, String targetCluster, String targetTopic, Map<Integer, Long> cutEnds,
                          Map<Integer, Long> startOffsets, long plannedRecords) {

    /** Copies the maps, sorted by partition. */
    public RestoreSpec {
        cutEnds = new TreeMap<>(cutEnds);
        startOffsets = new TreeMap<>(startOffsets);
    }

    /** Whether {@code other} asks for the same restore (the same generation of the topic) into the same place (its target offsets aside). */
    public boolean sameRestoreAs(RestoreSpec other) {
        return sourceCluster.equals(other.sourceCluster) && store.equals(other.store) && topic.equals(other.topic)
                && Objects.equals(topicId, other.topicId) && restorePoint.equals(other.restorePoint) && Objects.equals(from, other.from)
                && strictTimestamps == other.strictTimestamps && targetCluster.equals(other.targetCluster)
                && targetTopic.equals(other.targetTopic) && cutEnds.keySet().equals(other.cutEnds.keySet());
    }
}
