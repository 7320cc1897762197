package io.kafmirror.engine.restore;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * A restored topic about to be read back: asked for first, so that a target cluster that does not answer or a topic
 * deleted since the restore is one sentence saying so, rather than a consumer waiting a minute for offsets.
 *
 * @param cluster the target cluster's configured name
 * @param client  its kafka-clients properties
 * @param topic   the restored topic
 * @param restore the restore's number
 */
record RestoredTopic(String cluster, Properties client, String topic, long restore) {

    /** How long the target may take to describe the topic. */
    static final Duration ANSWER = Duration.ofSeconds(20);

    /** Returns when the target holds the topic; otherwise a {@link RestoreFailedException} says what to do. */
    void requirePresent() throws InterruptedException {
        Admin admin = Admin.create(client);
        try {
            admin.describeTopics(List.of(topic)).topicNameValues().get(topic).get(ANSWER.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new RestoreFailedException("Topic '" + topic + "' is no longer on cluster '" + cluster + "': restore #"
                        + restore + " cannot be verified. Restore it again to have a topic to verify.", e);
            }
            throw new RestoreFailedException("Cluster '" + cluster + "' could not describe topic '" + topic + "': "
                    + e.getCause().getMessage() + ". Check that it is reachable, then verify again.", e);
        } catch (TimeoutException e) {
            throw new RestoreFailedException("Cluster '" + cluster + "' did not answer within " + ANSWER.toSeconds()
                    + " s: check that it is running and reachable from here, then verify again.", e);
        } finally {
            // Not waiting for calls still in flight to a cluster that does not answer.
            admin.close(Duration.ZERO);
        }
    }
}
