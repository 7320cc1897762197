package io.kafmirror.engine.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.GroupState;

/** Consumer group members for tests that need a group with an active member, as production has. */
public final class GroupMembers {

    private GroupMembers() {
    }

    /**
     * Subscribes {@code consumer} (of {@code group}) to {@code topic} and returns it once the broker reports the group
     * stable and the client has taken all of the topic's partitions: a commit before that is refused with "unknown
     * member ID". Closes the consumer and throws when that does not happen within {@code timeout}.
     */
    public static KafkaConsumer<byte[], byte[]> stable(Admin admin, KafkaConsumer<byte[], byte[]> consumer, String topic,
                                                       String group, Duration timeout) throws Exception {
        consumer.subscribe(List.of(topic));
        int partitions = consumer.partitionsFor(topic).size();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isStable(admin, group) || consumer.assignment().size() < partitions) {
            if (System.nanoTime() > deadline) {
                consumer.close();
                throw new IllegalStateException("Group " + group + " did not become stable within " + timeout);
            }
            consumer.poll(Duration.ofMillis(100));
        }
        return consumer;
    }

    private static boolean isStable(Admin admin, String group) throws Exception {
        return admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get().stream()
                .filter(listing -> listing.groupId().equals(group))
                .map(GroupListing::groupState).flatMap(Optional::stream)
                .anyMatch(state -> state == GroupState.STABLE);
    }
}
