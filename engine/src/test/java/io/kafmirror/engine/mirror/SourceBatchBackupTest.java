package io.kafmirror.engine.mirror;

import static io.kafmirror.engine.testkit.SourceProducer.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.config.StoredBatches;
import io.kafmirror.engine.testkit.BrokerLog;
import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.SourceProducer;
import io.kafmirror.engine.testkit.SourceRecords;
import io.kafmirror.engine.testkit.StoredBatchBytes;
import io.kafmirror.engine.testkit.StoredRecords;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.format.KfsRecord;
import io.kafmirror.kfs.store.LocalSegmentStore;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.internal.CompressionType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a backup stores of the source's record batches: compressed ones byte for byte, or rebuilt when asked. */
class SourceBatchBackupTest {

    @TempDir
    Path dir;

    private final KafkaTestBroker broker = KafkaTestBroker.shared();
    private SegmentCatalog catalog;
    private LocalSegmentStore store;

    @Test
    void compressedSourceBatchesAreStoredByteForByteAsTheBrokerHoldsThem() {
        String topic = "batches.lz4";
        long produced = produce(topic, SourceProducer.compressed(broker.bootstrap(), "lz4"));

        SegmentArchive archive = backUp(topic, produced, StoredBatches.SOURCE);

        Map<Integer, List<ByteBuffer>> stored = StoredBatchBytes.of(archive, "prod", topic);
        for (int p = 0; p < 3; p++) {
            assertThat(stored.get(p)).as("partition " + p + ": the broker's own batches")
                    .isEqualTo(BrokerLog.dataBatches(broker, new TopicPartition(topic, p)));
        }
        assertThat(codecs(stored)).containsOnly(CompressionType.LZ4);
        assertThat(StoredRecords.of(archive, "prod", topic)).isEqualTo(SourceRecords.of(broker.bootstrap(), topic));
    }

    @Test
    void uncompressedSourceBatchesAreCompressedWithTheJobsCodec() {
        String topic = "batches.plain";
        long produced = produce(topic, SourceProducer.to(broker.bootstrap()));

        SegmentArchive archive = backUp(topic, produced, StoredBatches.SOURCE);

        assertThat(codecs(StoredBatchBytes.of(archive, "prod", topic))).containsOnly(CompressionType.ZSTD);
        assertThat(StoredRecords.of(archive, "prod", topic)).isEqualTo(SourceRecords.of(broker.bootstrap(), topic));
    }

    @Test
    void rebuildEncodesEveryRecordAgainWithTheJobsCodec() {
        String topic = "batches.rebuilt";
        long produced = produce(topic, SourceProducer.compressed(broker.bootstrap(), "lz4"));

        SegmentArchive archive = backUp(topic, produced, StoredBatches.REBUILD);

        assertThat(codecs(StoredBatchBytes.of(archive, "prod", topic))).containsOnly(CompressionType.ZSTD);
        assertThat(StoredRecords.of(archive, "prod", topic)).isEqualTo(SourceRecords.of(broker.bootstrap(), topic));
    }

    @Test
    void committedTransactionalBatchesAreStoredAsTheBrokerHoldsThemAndAbortedOnesNot() {
        String topic = "batches.transactional";
        broker.createTopic(topic, 2, Map.of());
        try (SourceProducer producer = SourceProducer.transactional(broker.bootstrap(), "batches-writer", "zstd")) {
            for (int tx = 0; tx < 9; tx++) {
                producer.kafka().beginTransaction();
                for (int i = 0; i < 20; i++) {
                    String outcome = tx % 3 == 1 ? "aborted" : "committed";
                    producer.send(new ProducerRecord<>(topic, i % 2, utf8("tx" + tx), utf8(outcome + " " + tx + "/" + i)));
                }
                // Sent before the outcome, so that aborted records reach the log and are not just dropped by the producer.
                producer.kafka().flush();
                if (tx % 3 == 1) {
                    producer.kafka().abortTransaction();
                } else {
                    producer.kafka().commitTransaction();
                }
            }
        }
        Map<Integer, List<KfsRecord>> committed = SourceRecords.of(broker.bootstrap(), topic);

        SegmentArchive archive = backUp(topic, 120, StoredBatches.SOURCE);

        assertThat(StoredRecords.of(archive, "prod", topic)).isEqualTo(committed);
        Map<Integer, List<ByteBuffer>> stored = StoredBatchBytes.of(archive, "prod", topic);
        for (int p = 0; p < 2; p++) {
            List<ByteBuffer> onBroker = BrokerLog.dataBatches(broker, new TopicPartition(topic, p));
            assertThat(onBroker).as("partition " + p + " on the broker").anyMatch(b -> firstValue(b).startsWith("aborted"));
            assertThat(stored.get(p)).as("partition " + p + ": the broker's committed batches")
                    .isEqualTo(onBroker.stream().filter(b -> firstValue(b).startsWith("committed")).toList());
        }
    }

    private long produce(String topic, SourceProducer producer) {
        broker.createTopic(topic, 3, Map.of());
        Random random = new Random(7);
        try (producer) {
            for (int i = 0; i < 3_000; i++) {
                byte[] value = i % 101 == 0 ? null : utf8("{\"order\":" + i + ",\"amount\":" + random.nextInt(10_000) + "}");
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, i % 3,
                        System.currentTimeMillis() - 3_600_000 + i, i % 7 == 0 ? null : utf8("order-" + i % 50), value);
                if (i % 10 == 0) {
                    record.headers().add(new RecordHeader("trace", utf8("t-" + i)));
                }
                producer.send(record);
            }
            return producer.confirm();
        }
    }

    @AfterEach
    void close() {
        if (catalog != null) {
            catalog.close();
            store.close();
        }
    }

    private SegmentArchive backUp(String topic, long records, StoredBatches batches) {
        catalog = SegmentCatalog.open(dir.resolve("catalog"));
        store = new LocalSegmentStore(dir.resolve("store"));
        SegmentArchive archive = new SegmentArchive(store, catalog);
        MirrorSettings settings = MirrorSettings.defaults("batches", "prod", t -> t.equals(topic))
                .withFlush(64 * 1024, Duration.ofMillis(200)).withBatches(batches);
        try (RunningMirror mirror = new RunningMirror(settings, broker.bootstrap(), archive)) {
            mirror.awaitStored(topic, records);
        }
        return archive;
    }

    private static String firstValue(ByteBuffer batch) {
        ByteBuffer value = MemoryRecords.readableRecords(batch.duplicate()).firstBatch().iterator().next().value();
        byte[] bytes = new byte[value.remaining()];
        value.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static List<CompressionType> codecs(Map<Integer, List<ByteBuffer>> batches) {
        return batches.values().stream().flatMap(List::stream)
                .map(b -> MemoryRecords.readableRecords(b.duplicate()).firstBatch().compressionType())
                .toList();
    }
}
