package io.kafmirror.engine.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Writes test records to the source broker and makes sure every one of them was acknowledged. */
public final class SourceProducer implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final List<Future<RecordMetadata>> sent = new ArrayList<>();

    private SourceProducer(Properties props) {
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** A producer to {@code bootstrap} for records of up to 8 MiB. */
    public static SourceProducer to(String bootstrap) {
        return new SourceProducer(properties(bootstrap));
    }

    /** A producer to {@code bootstrap} whose batches are compressed with {@code compression} (e.g. lz4). */
    public static SourceProducer compressed(String bootstrap, String compression) {
        Properties props = properties(bootstrap);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        return new SourceProducer(props);
    }

    /** A transactional producer to {@code bootstrap} with id {@code transactionalId}, already initialised. */
    public static SourceProducer transactional(String bootstrap, String transactionalId) {
        return transactional(bootstrap, transactionalId, "none");
    }

    /** A transactional producer as above whose batches are compressed with {@code compression}. */
    public static SourceProducer transactional(String bootstrap, String transactionalId, String compression) {
        Properties props = properties(bootstrap);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        SourceProducer producer = new SourceProducer(props);
        producer.producer.initTransactions();
        return producer;
    }

    private static Properties properties(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(8 << 20));
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return p;
    }

    /** Sends {@code record}. */
    public void send(ProducerRecord<byte[], byte[]> record) {
        sent.add(producer.send(record));
    }

    /** Sends a record with UTF-8 key and value to {@code partition} of {@code topic}. */
    public void send(String topic, int partition, String key, String value) {
        send(new ProducerRecord<>(topic, partition, utf8(key), utf8(value)));
    }

    /** The underlying producer, for transactions. */
    public KafkaProducer<byte[], byte[]> kafka() {
        return producer;
    }

    /** Waits until every record sent so far is acknowledged; fails on the first that was not. */
    public int confirm() {
        producer.flush();
        try {
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted waiting for acknowledgements", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The broker did not take a test record", e.getCause());
        }
        int count = sent.size();
        sent.clear();
        return count;
    }

    @Override
    public void close() {
        producer.close();
    }

    /** {@code s} as UTF-8 bytes; null stays null. */
    public static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }
}
