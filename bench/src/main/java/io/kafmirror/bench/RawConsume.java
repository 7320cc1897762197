package io.kafmirror.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The baseline: a plain kafka-clients consumer reading a whole topic and discarding it, with the
 * client's default fetch settings. No group, no commits: assigned partitions, sought to the start.
 */
final class RawConsume {

    private static final Duration POLL = Duration.ofMillis(200);

    private RawConsume() {
    }

    /** Reads every partition of {@code topic} from its start to its current end; returns what was read. */
    static Tally drain(String bootstrap, String topic, int partitions) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Tally tally = new Tally();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> assigned = IntStream.range(0, partitions).mapToObj(i -> new TopicPartition(topic, i)).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
            while (!ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                    // Counting touches key, value and headers, as any consumer that uses the records must.
                    tally.add(r.key(), r.value(), r.headers().toArray());
                }
            }
        }
        return tally;
    }
}
