package io.kafmirror.engine.mirror;

import static io.kafmirror.engine.testkit.SourceProducer.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.SourceProducer;
import io.kafmirror.engine.testkit.SourceRecords;
import io.kafmirror.engine.testkit.StoredRecords;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.format.KfsRecord;
import io.kafmirror.kfs.store.LocalSegmentStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is stored equals what was produced, byte for byte, against a real broker. */
class MirrorFidelityTest {

    @TempDir
    Path dir;

    private final KafkaTestBroker broker = KafkaTestBroker.shared();

    @Test
    void storedRecordsEqualProducedRecordsByteForByte() {
        String topic = "orders.fidelity";
        broker.createTopic(topic, 3, Map.of("max.message.bytes", String.valueOf(8 << 20),
                // The test broker's 1 MiB log segments could not hold the 3 MiB record.
                "segment.bytes", String.valueOf(16 << 20),
                // Timestamps from 1970 and 2023 would fall to the default 7-day retention at once.
                "retention.ms", "-1"));
        Random random = new Random(42);
        int produced;
        try (SourceProducer producer = SourceProducer.to(broker.bootstrap())) {
            producer.send(new ProducerRecord<>(topic, 0, 1_000L, (byte[]) null, utf8("null key")));
            producer.send(new ProducerRecord<>(topic, 0, 2_000L, utf8("tombstone"), (byte[]) null));
            producer.send(new ProducerRecord<>(topic, 1, 3_000L, utf8("empty"), new byte[0]));
            producer.send(new ProducerRecord<>(topic, 1, 4_000L, utf8("headers"), utf8("v"), List.of(
                    new RecordHeader("trace", utf8("abc")), new RecordHeader("null", null),
                    new RecordHeader("trace", utf8("repeated")))));
            byte[] large = new byte[3 << 20];
            random.nextBytes(large);
            producer.send(new ProducerRecord<>(topic, 2, 5_000L, utf8("large"), large));
            for (int i = 0; i < 3_000; i++) {
                byte[] value = new byte[random.nextInt(2_000)];
                random.nextBytes(value);
                // Out-of-order CreateTime, as real producers write it.
                producer.send(new ProducerRecord<>(topic, i % 3, 1_700_000_000_000L + random.nextInt(100_000),
                        utf8("k" + i), value));
            }
            produced = producer.confirm();
        }
        Map<Integer, List<KfsRecord>> source = SourceRecords.of(broker.bootstrap(), topic);

        try (SegmentCatalog catalog = SegmentCatalog.open(dir.resolve("catalog"));
             LocalSegmentStore store = new LocalSegmentStore(dir.resolve("store"))) {
            SegmentArchive archive = new SegmentArchive(store, catalog);
            MirrorSettings settings = MirrorSettings.defaults("fidelity", "prod", t -> t.equals(topic))
                    .withFlush(256 * 1024, Duration.ofMillis(300));
            try (RunningMirror mirror = new RunningMirror(settings, broker.bootstrap(), archive)) {
                mirror.awaitStored(topic, produced);
            }

            Map<Integer, List<KfsRecord>> stored = StoredRecords.of(archive, "prod", topic);
            assertThat(stored.keySet()).containsExactly(0, 1, 2);
            for (int p = 0; p < 3; p++) {
                assertThat(stored.get(p)).as("partition " + p).containsExactlyElementsOf(source.get(p));
            }
            assertThat(catalog.segments("prod", topic)).hasSizeGreaterThan(1);
        }
    }
}
