package io.kafmirror.engine.mirror;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads the source with kafka-clients' consumer: every record decoded, handed over one by one. */
final class ConsumerSourceReader implements SourceReader {

    private final KafkaConsumer<byte[], byte[]> consumer;

    /**
     * A consumer with {@code clientProperties} plus what mirroring needs: no group, no auto-commit, no automatic
     * reset (a position lost to retention must surface as a gap), no topic auto-creation.
     */
    ConsumerSourceReader(Properties clientProperties, String clientId, boolean readCommitted, int fetchMaxBytes) {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // Positions come from the catalog only; "none" turns a position lost to retention into an
        // OffsetOutOfRangeException, which is how a gap is noticed instead of silently skipped.
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted");
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        // A deleted topic must stay deleted: with auto.create.topics.enable on the broker (its default),
        // our metadata requests for a topic just deleted would otherwise create it again on production.
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(fetchMaxBytes));
        this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public void assign(Collection<TopicPartition> partitions) {
        consumer.assign(List.copyOf(partitions));
    }

    @Override
    public Set<TopicPartition> assignment() {
        return consumer.assignment();
    }

    @Override
    public void seek(TopicPartition partition, long offset) {
        consumer.seek(partition, offset);
    }

    @Override
    public void seekToBeginning(Collection<TopicPartition> partitions) {
        consumer.seekToBeginning(partitions);
    }

    @Override
    public void pause(Collection<TopicPartition> partitions) {
        consumer.pause(partitions);
    }

    @Override
    public void resume(Collection<TopicPartition> partitions) {
        consumer.resume(partitions);
    }

    @Override
    public Map<TopicPartition, Long> beginningOffsets(Collection<TopicPartition> partitions, Duration timeout) {
        return consumer.beginningOffsets(partitions, timeout);
    }

    @Override
    public Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions, Duration timeout) {
        return consumer.endOffsets(partitions, timeout);
    }

    @Override
    public Map<TopicPartition, Long> knownEnds() {
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
            // Present once a fetch answered, and then the position is known too: position() does not block.
            OptionalLong lag = consumer.currentLag(tp);
            if (lag.isPresent()) {
                ends.put(tp, consumer.position(tp) + lag.getAsLong());
            }
        }
        return ends;
    }

    @Override
    public void read(Duration timeout, SourceSink sink) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(timeout);
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
                sink.record(partition, RecordCopy.of(record));
            }
        }
    }

    @Override
    public void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
