package io.kafmirror.ui.restore;

import io.kafmirror.engine.restore.RestoreRequest;
import io.kafmirror.engine.restore.TargetOptions;
import java.time.Instant;
import java.util.UUID;

/**
 * A restore as the operator asks for it on the Restore screen: what {@code kaf-mirror restore --store S --cluster C
 * --topic T --to P [--from F] [--partitions N] [--generation ID] --target X --target-topic Y [--replication-factor N] [--topic-config C] [--append] [--groups G] [--max-rate R] [--no-verify]} asks for.
 *
 * @param store         the configured store restored from
 * @param topic         the backed-up topic, with its cluster
 * @param point         the restore point
 * @param scope         the partitions and the window restored
 * @param generation    the topic ID of the generation restored ({@code --generation}); null for the newest
 * @param targetCluster the configured cluster restored into
 * @param targetTopic   the topic written, as the mapping names it
 * @param target        the created topic's replication factor and configs, and whether records may follow those already
 *                      in the target topic
 * @param groups        the consumer groups set on the target where they stood at the point, once the records are in
 * @param maxBytesPerSecond the most record data written per second; 0 for no limit
 * @param verify        whether the target is read back and compared with the backup afterwards
 */
public record RestoreOrder(String store, BackedUpTopic topic, Instant point, RestoreScope scope, UUID generation, String targetCluster,
                           String targetTopic, TargetOptions target, GroupChoice groups, long maxBytesPerSecond, boolean verify) {

    /** What the engine is asked to plan. */
    public RestoreRequest request() {
        RestoreRequest request = scope.request(topic, point);
        return generation == null ? request : request.withGeneration(generation);
    }
}
