package io.kafmirror.engine.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.SourceRecords;
import io.kafmirror.engine.testkit.StoredRecords;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.format.KfsRecord;
import io.kafmirror.kfs.store.LocalSegmentStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is stored equals what was produced, byte for byte, against a real broker. */
class MirrorFidelityTest {

    @TempDir
    static Path dir;
    private static KafkaTestBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaTestBroker.start(dir.resolve("broker"));
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void storedRecordsEqualProducedRecordsByteForByte() throws Exception {
        String topic = "orders.fidelity";
        try (Admin admin = broker.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1)
                    .configs(Map.of("max.message.bytes", String.valueOf(8 << 20),
                            // The test broker's 1 MiB log segments could not hold the 3 MiB record.
                            "segment.bytes", String.valueOf(16 << 20),
                            // Timestamps from 1970 and 2023 would fall to the default 7-day retention at once.
                            "retention.ms", "-1")))).all().get();
        }
        Random random = new Random(42);
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            sent.add(producer.send(new ProducerRecord<>(topic, 0, 1_000L, (byte[]) null, "null key".getBytes(StandardCharsets.UTF_8))));
            sent.add(producer.send(new ProducerRecord<>(topic, 0, 2_000L, bytes("tombstone"), (byte[]) null)));
            sent.add(producer.send(new ProducerRecord<>(topic, 1, 3_000L, bytes("empty"), new byte[0])));
            sent.add(producer.send(new ProducerRecord<>(topic, 1, 4_000L, bytes("headers"), bytes("v"), List.of(
                    new RecordHeader("trace", bytes("abc")), new RecordHeader("null", null),
                    new RecordHeader("trace", bytes("repeated"))))));
            byte[] large = new byte[3 << 20];
            random.nextBytes(large);
            sent.add(producer.send(new ProducerRecord<>(topic, 2, 5_000L, bytes("large"), large)));
            for (int i = 0; i < 3_000; i++) {
                byte[] value = new byte[random.nextInt(2_000)];
                random.nextBytes(value);
                // Out-of-order CreateTime, as real producers write it.
                sent.add(producer.send(new ProducerRecord<>(topic, i % 3, 1_700_000_000_000L + random.nextInt(100_000),
                        bytes("k" + i), value)));
            }
            producer.flush();
        }
        for (Future<RecordMetadata> f : sent) {
            f.get();
        }
        Map<Integer, List<KfsRecord>> produced = SourceRecords.of(broker.bootstrap(), topic);

        try (SegmentCatalog catalog = SegmentCatalog.open(dir.resolve("catalog"));
             LocalSegmentStore store = new LocalSegmentStore(dir.resolve("store"))) {
            SegmentArchive archive = new SegmentArchive(store, catalog);
            MirrorSettings settings = MirrorSettings.defaults("fidelity", "prod", t -> t.startsWith("orders."))
                    .withFlush(256 * 1024, Duration.ofMillis(300));
            try (RunningMirror mirror = new RunningMirror(settings, broker.bootstrap(), archive)) {
                mirror.awaitStored(topic, sent.size());
            }

            Map<Integer, List<KfsRecord>> stored = StoredRecords.of(archive, "prod", topic);
            assertThat(stored.keySet()).containsExactly(0, 1, 2);
            for (int p = 0; p < 3; p++) {
                assertThat(stored.get(p)).as("partition " + p).containsExactlyElementsOf(produced.get(p));
            }
            assertThat(catalog.segments("prod", topic)).hasSizeGreaterThan(1);
        }
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(8 << 20));
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
