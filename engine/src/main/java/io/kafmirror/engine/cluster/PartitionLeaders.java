package io.kafmirror.engine.cluster;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Waits until every partition of a topic just created has a leader that takes records.
 *
 * <p>Until then a broker answers produce requests with NOT_LEADER_OR_FOLLOWER, and an idempotent producer whose
 * first batch got that answer while a later batch was taken retries the first one forever
 * (OUT_OF_ORDER_SEQUENCE_NUMBER). ListOffsets is answered by a partition's leader only, so its success means the
 * partition takes records.
 */
public final class PartitionLeaders {

    private static final long RETRY_MILLIS = 50;

    private PartitionLeaders() {
    }

    /**
     * Returns once {@code topic}'s {@code partitions} all answer their leader's ListOffsets; false if they did not
     * within {@code timeout}. Errors that are not a leader still being elected are thrown as they come.
     */
    public static boolean await(Admin admin, String topic, int partitions, Duration timeout)
            throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                admin.listOffsets(latest).all().get();
                return true;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException)) {
                    throw e;
                }
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(RETRY_MILLIS);
            }
        }
    }
}
