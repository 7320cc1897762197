package io.kafmirror.engine.drill;

import io.kafmirror.engine.config.DrillMode;
import java.util.List;
import java.util.Properties;

/**
 * One drill to run now.
 *
 * @param job           the job whose backup is drilled
 * @param schedule      the schedule it runs for ({@code DrillSchedule#describe}), or null when run by hand
 * @param mode          restore into scratch topics, or verify the stored segments
 * @param sourceCluster the backed-up cluster
 * @param store         the configured store read
 * @param topics        the source topics drilled
 * @param targetCluster the configured cluster of the scratch topics; ignored by a verify drill
 * @param targetClient  kafka-clients properties of {@code targetCluster}; ignored by a verify drill
 */
public record DrillRequest(String job, String schedule, DrillMode mode, String sourceCluster, String store,
                           List<String> topics, String targetCluster, Properties targetClient) {

    /** Copies the topics and checks there is one. */
    public DrillRequest {
        if (topics == null || topics.isEmpty()) {
            throw new IllegalArgumentException("A drill of job " + job + " needs at least one topic to drill");
        }
        topics = List.copyOf(topics);
    }
}
