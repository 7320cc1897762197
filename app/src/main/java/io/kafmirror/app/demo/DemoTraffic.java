package io.kafmirror.app.demo;

import java.time.Duration;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A steady stream of {@link DemoEvents} into the demo cluster, on a thread of its own: about {@link #CHECKOUTS_PER_SECOND}
 * checkouts a second, rising and falling by a third over five minutes so the console's throughput chart has a shape.
 * Produced as services do: lz4-compressed batches, idempotent, acknowledged by all replicas.
 */
final class DemoTraffic implements AutoCloseable {

    /** Average checkouts a second (each an order, most with a payment). */
    static final double CHECKOUTS_PER_SECOND = 120;

    private static final Logger LOG = LoggerFactory.getLogger(DemoTraffic.class);
    private static final long TICK_MILLIS = 50;
    private static final double WAVE_MILLIS = 5 * 60 * 1000;
    /** Back-office actions a second on the audit topic. */
    private static final double AUDIT_PER_SECOND = 2;

    private final KafkaProducer<byte[], byte[]> producer;
    private final Random random = new Random();
    private final DemoEvents events = new DemoEvents(random);
    private final AtomicLong produced = new AtomicLong();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long badUntilMillis;

    private DemoTraffic(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "kaf-mirror-demo-traffic");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        this.thread = new Thread(this::produce, "kaf-mirror-demo-traffic");
        thread.setDaemon(true);
    }

    /** Starts producing into the cluster at {@code bootstrap}. */
    static DemoTraffic start(String bootstrap) {
        DemoTraffic traffic = new DemoTraffic(bootstrap);
        traffic.thread.start();
        return traffic;
    }

    /** Makes the payment events of the next {@code length} corrupt, as a bad deploy of the payment service would. */
    void badDeploy(Duration length) {
        badUntilMillis = System.currentTimeMillis() + length.toMillis();
    }

    /** Records the cluster acknowledged since the start. */
    long produced() {
        return produced.get();
    }

    /** Stops producing and waits until every record sent is acknowledged. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close();
    }

    private void produce() {
        long start = System.currentTimeMillis();
        double owed = 0;
        while (running) {
            long now = System.currentTimeMillis();
            double wave = 1 + Math.sin(2 * Math.PI * (now - start) / WAVE_MILLIS) / 3;
            owed += CHECKOUTS_PER_SECOND * wave * TICK_MILLIS / 1000.0;
            boolean bad = now < badUntilMillis;
            for (; owed >= 1; owed--) {
                for (ProducerRecord<byte[], byte[]> record : events.checkout(now, bad)) {
                    producer.send(record, (metadata, e) -> acknowledged(e));
                }
            }
            if (random.nextDouble() < AUDIT_PER_SECOND * TICK_MILLIS / 1000.0) {
                producer.send(events.auditEntry(now), (metadata, e) -> acknowledged(e));
            }
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void acknowledged(Exception e) {
        if (e == null) {
            produced.incrementAndGet();
        } else if (!String.valueOf(e.getMessage()).equals(lastError.getAndSet(String.valueOf(e.getMessage())))) {
            // Once per distinct error: a broker that is stopping would otherwise print thousands of lines.
            LOG.warn("Demo traffic: a record was not acknowledged: {}", e.getMessage());
        }
    }
}
