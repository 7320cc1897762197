package io.kafmirror.bench;

import io.kafmirror.kfs.format.KfsRecord;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes {@link PaymentEvents} to a topic of the bench broker, round robin over its partitions so
 * each holds the same share, with producer settings tuned for throughput rather than latency.
 */
final class PaymentProducer implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final int partitions;
    private final PaymentEvents events;
    private final Tally tally = new Tally();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    /** A producer of events drawn from {@code seed}, compressing batches with {@code compression} (a kafka-clients name). */
    PaymentProducer(String bootstrap, String topic, int partitions, String compression, long seed) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        // Large, lingering batches keep the load phase short; it is not what is measured.
        p.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(128L << 20));
        this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.partitions = partitions;
        this.events = new PaymentEvents(new Random(seed));
    }

    /** Sends the next event with CreateTime now; {@code acked} (may be null) hears of its offset. */
    void send(Callback acked) {
        long sequence = tally.records();
        long now = System.currentTimeMillis();
        KfsRecord event = events.next(sequence, now);
        tally.add(event.key(), event.value(), event.headers());
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, (int) (sequence % partitions), now,
                event.key(), event.value(), List.of(event.headers()));
        producer.send(record, (metadata, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            } else if (acked != null) {
                acked.onCompletion(metadata, null);
            }
        });
    }

    /** Fills {@code topic} with events drawn from {@code seed} until their payload reaches {@code payloadBytes}; logs the time taken. */
    static Tally load(String bootstrap, String topic, int partitions, String compression, long seed, long payloadBytes,
                      PrintStream log) {
        long start = System.nanoTime();
        try (PaymentProducer producer = new PaymentProducer(bootstrap, topic, partitions, compression, seed)) {
            producer.fill(payloadBytes);
            long nanos = System.nanoTime() - start;
            log.printf(Locale.ROOT, "Loaded in %.1f s (%.1f MB/s)%n", nanos / 1e9,
                    Rate.of(producer.tally(), nanos).megabytesPerSecond());
            return producer.tally();
        }
    }

    /** Creates {@code topic} on {@code broker} kept whole (no retention, 256 MiB log segments) and fills it as {@link #load} does. */
    static Tally createAndLoad(BenchBroker broker, String topic, int partitions, String compression, long seed,
                               long payloadBytes, PrintStream log) {
        broker.createTopic(topic, partitions, Map.of("segment.bytes", String.valueOf(256 << 20), "retention.ms", "-1"));
        return load(broker.bootstrap(), topic, partitions, compression, seed, payloadBytes, log);
    }

    /** Sends events until their payload reaches {@code payloadBytes}, then waits for every acknowledgement. */
    void fill(long payloadBytes) {
        while (tally.payloadBytes() < payloadBytes) {
            send(null);
        }
        confirm();
    }

    /** Waits until everything sent is acknowledged; fails if the broker refused anything. */
    void confirm() {
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("The bench broker refused a record", failure.get());
        }
    }

    /** Records and payload sent so far. */
    Tally tally() {
        return tally;
    }

    @Override
    public void close() {
        producer.close();
    }
}
