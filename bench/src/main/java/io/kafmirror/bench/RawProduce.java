package io.kafmirror.bench;

import io.kafmirror.engine.restore.RestoreRun;
import io.kafmirror.kfs.format.KfsRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The restore's baseline: a plain kafka-clients producer writing records already in memory, with the producer settings of
 * {@link RestoreRun} (idempotent, {@code acks=all}, its batch size, linger and compression) and the same order of sends:
 * up to {@value #TURN} records of one partition, then the next partition's, as the run does.
 */
final class RawProduce {

    /** The run's turn: records sent from one partition before turning to the next. */
    static final int TURN = 1_000;

    private RawProduce() {
    }

    /**
     * Sends {@code records} (by partition, in offset order) to the same partitions of {@code topic} with their keys,
     * values, headers and timestamps, and returns once all are acknowledged.
     */
    static void send(Properties client, String topic, Map<Integer, List<KfsRecord>> records) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(RestoreRun.producerProperties(client),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            List<Integer> open = new ArrayList<>(records.keySet());
            int[] next = new int[open.stream().mapToInt(Integer::intValue).max().orElse(0) + 1];
            while (!open.isEmpty() && failure.get() == null) {
                for (Integer p : List.copyOf(open)) {
                    List<KfsRecord> partition = records.get(p);
                    int end = Math.min(partition.size(), next[p] + TURN);
                    for (int i = next[p]; i < end; i++) {
                        KfsRecord r = partition.get(i);
                        producer.send(new ProducerRecord<>(topic, p, r.timestamp() < 0 ? null : r.timestamp(), r.key(),
                                r.value(), new RecordHeaders(r.headers())), (metadata, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            }
                        });
                    }
                    next[p] = end;
                    if (end == partition.size()) {
                        open.remove(p);
                    }
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("The bench broker refused a record of the raw producer", failure.get());
        }
    }
}
