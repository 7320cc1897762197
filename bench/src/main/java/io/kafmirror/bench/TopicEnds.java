package io.kafmirror.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** The end offsets of a topic's partitions: in a fresh topic written without transactions, its record count per partition. */
final class TopicEnds {

    private TopicEnds() {
    }

    /** End offset of each of the {@code partitions} partitions of {@code topic}, by partition. */
    static Map<Integer, Long> of(Admin admin, String topic, int partitions) throws InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(topic, p))
                .collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.latest()));
        try {
            Map<Integer, Long> ends = new TreeMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp.partition(), info.offset()));
            return ends;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the end offsets of " + topic, e.getCause());
        }
    }

    /** Fails unless {@code topic} holds exactly {@code expected} records per partition: a rate of lost records is worthless. */
    static void require(Admin admin, String topic, Map<Integer, Long> expected, String who) throws InterruptedException {
        Map<Integer, Long> found = of(admin, topic, expected.size());
        if (!found.equals(new TreeMap<>(expected))) {
            throw new IllegalStateException(who + " left " + found + " records per partition in " + topic + ", expected "
                    + new TreeMap<>(expected));
        }
    }
}
