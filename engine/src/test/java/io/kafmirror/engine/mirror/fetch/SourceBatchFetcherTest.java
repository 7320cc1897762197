package io.kafmirror.engine.mirror.fetch;

import static io.kafmirror.engine.mirror.fetch.FetchedRecords.fetchToEnd;
import static io.kafmirror.engine.mirror.fetch.FetchedRecords.onlyBatch;
import static io.kafmirror.engine.mirror.fetch.FetchedRecords.records;
import static io.kafmirror.engine.testkit.SourceProducer.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafmirror.engine.testkit.BrokerLog;
import io.kafmirror.engine.testkit.Compaction;
import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.SourceProducer;
import io.kafmirror.engine.testkit.SourceRecords;
import io.kafmirror.kfs.format.KfsRecord;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.internal.CompressionType;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link SourceBatchFetcher} against a real broker: it hands out the broker's batches and reads what a consumer reads. */
class SourceBatchFetcherTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final KafkaTestBroker broker = KafkaTestBroker.shared();

    @ParameterizedTest
    @ValueSource(strings = {"lz4", "zstd"})
    void fetchesTheBrokersBatchesByteForByteAndTheyHoldWhatAConsumerReads(String compression) {
        String topic = "fetcher.mixed." + compression;
        broker.createTopic(topic, 3, Map.of("max.message.bytes", String.valueOf(8 << 20),
                "segment.bytes", String.valueOf(32 << 20)));
        Random random = new Random(7);
        try (KafkaProducer<byte[], byte[]> producer = producer(compression)) {
            for (int i = 0; i < 600; i++) {
                RecordHeaders headers = new RecordHeaders();
                if (i % 3 == 0) {
                    headers.add(new RecordHeader("trace", utf8("t" + i)));
                    headers.add(new RecordHeader("empty", null));
                }
                byte[] value = i % 97 == 0 ? null : utf8("payment " + i + " " + "x".repeat(i % 50));
                if (i % 200 == 5) {
                    value = new byte[(3 << 19) + i];
                    random.nextBytes(value);
                }
                producer.send(new ProducerRecord<>(topic, i % 3, null, i % 5 == 0 ? null : utf8("k" + i), value, headers));
            }
            producer.flush();
        }
        List<TopicPartition> partitions = partitions(topic, 3);

        Map<Integer, List<ByteBuffer>> fetched;
        // Smaller than the largest batch: such a batch must still come whole, in turn.
        try (SourceBatchFetcher fetcher = fetcher(broker.client(), false, 256 << 10)) {
            fetcher.assign(partitions);
            fetcher.seekToBeginning(partitions);
            fetched = fetchToEnd(fetcher, fetcher.endOffsets(partitions, TIMEOUT));
        }

        assertThat(records(fetched)).isEqualTo(SourceRecords.of(broker.bootstrap(), topic));
        for (TopicPartition tp : partitions) {
            assertThat(fetched.get(tp.partition())).as("batches of %s", tp)
                    .isEqualTo(BrokerLog.dataBatches(broker, tp));
            assertThat(fetched.get(tp.partition())).allSatisfy(b -> {
                RecordBatch batch = onlyBatch(b);
                assertThat(batch.magic()).isEqualTo(RecordBatch.MAGIC_VALUE_V2);
                assertThat(batch.compressionType()).isEqualTo(CompressionType.forName(compression));
                assertThat(batch.isValid()).isTrue();
            });
        }
        assertThat(fetched.values().stream().flatMap(List::stream).mapToInt(ByteBuffer::remaining).max().orElseThrow())
                .isGreaterThan(1 << 20);
    }

    @Test
    void aPositionInsideACompressedBatchGetsTheRestOfItRebuiltAndNothingBefore() {
        String topic = "fetcher.mid-batch";
        broker.createTopic(topic, 1, Map.of());
        try (KafkaProducer<byte[], byte[]> producer = producer("lz4")) {
            for (int i = 0; i < 20; i++) {
                producer.send(new ProducerRecord<>(topic, 0, utf8("k" + i), utf8("v" + i)));
            }
            producer.flush();
        }
        TopicPartition tp = new TopicPartition(topic, 0);
        RecordBatch stored = onlyBatch(BrokerLog.dataBatches(broker, tp).get(0));
        assertThat(stored.lastOffset() - stored.baseOffset()).as("records in the first stored batch").isGreaterThan(3);
        long middle = stored.baseOffset() + 2;

        List<ByteBuffer> fetched;
        try (SourceBatchFetcher fetcher = fetcher(broker.client(), false, 1 << 20)) {
            fetcher.assign(List.of(tp));
            fetcher.seek(tp, middle);
            fetched = fetchToEnd(fetcher, fetcher.endOffsets(List.of(tp), TIMEOUT)).get(0);
        }

        RecordBatch first = onlyBatch(fetched.get(0));
        assertThat(first.baseOffset()).isEqualTo(middle);
        assertThat(first.lastOffset()).isEqualTo(stored.lastOffset());
        assertThat(first.compressionType()).isEqualTo(CompressionType.LZ4);
        assertThat(first.isValid()).isTrue();
        List<KfsRecord> all = SourceRecords.of(broker.bootstrap(), topic).get(0);
        assertThat(records(fetched)).isEqualTo(all.subList((int) middle, all.size()));
    }

    @Test
    void readCommittedDropsAbortedTransactionsAndControlBatchesAndMovesPastTheMarkers() {
        String topic = "fetcher.transactional";
        broker.createTopic(topic, 2, Map.of());
        try (SourceProducer producer = SourceProducer.transactional(broker.bootstrap(), "fetcher-ledger")) {
            for (int tx = 0; tx < 9; tx++) {
                producer.kafka().beginTransaction();
                for (int i = 0; i < 6; i++) {
                    String outcome = tx % 3 == 1 ? "aborted" : "committed";
                    producer.send(new ProducerRecord<>(topic, i % 2, utf8("tx" + tx), utf8(outcome + " " + tx + "/" + i)));
                }
                if (tx % 3 == 1) {
                    // Sent first, so the aborted records are in the log and not just dropped by the producer.
                    producer.kafka().flush();
                    producer.kafka().abortTransaction();
                } else {
                    producer.kafka().commitTransaction();
                }
            }
        }
        List<TopicPartition> partitions = partitions(topic, 2);

        try (SourceBatchFetcher committed = fetcher(broker.client(), true, 1 << 20);
             SourceBatchFetcher uncommitted = fetcher(broker.client(), false, 1 << 20)) {
            committed.assign(partitions);
            committed.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = committed.endOffsets(partitions, TIMEOUT);
            Map<Integer, List<ByteBuffer>> fetched = fetchToEnd(committed, ends);

            assertThat(records(fetched)).isEqualTo(SourceRecords.of(broker.bootstrap(), topic));
            assertThat(records(fetched).values().stream().flatMap(List::stream).map(r -> new String(r.value())))
                    .hasSize(36).noneMatch(v -> v.startsWith("aborted"));
            assertThat(fetched.values().stream().flatMap(List::stream).map(FetchedRecords::onlyBatch))
                    .noneMatch(RecordBatch::isControlBatch).allMatch(RecordBatch::isTransactional);
            // Each partition ends with a commit marker, which the position moved past.
            partitions.forEach(tp -> assertThat(committed.position(tp)).isEqualTo(ends.get(tp))
                    .isEqualTo(lastOffset(fetched.get(tp.partition())) + 2));

            uncommitted.assign(partitions);
            uncommitted.seekToBeginning(partitions);
            assertThat(uncommitted.endOffsets(partitions, TIMEOUT)).isEqualTo(ends);
            Map<Integer, List<KfsRecord>> all = records(fetchToEnd(uncommitted, ends));
            assertThat(all.values().stream().flatMap(List::stream).map(r -> new String(r.value())))
                    .hasSize(54).filteredOn(v -> v.startsWith("aborted")).hasSize(18);
        }
    }

    @Test
    void anOpenTransactionEndsReadCommittedAtTheLastStableOffset() {
        String topic = "fetcher.open-transaction";
        broker.createTopic(topic, 1, Map.of());
        produce(topic, 1, 5);
        TopicPartition tp = new TopicPartition(topic, 0);
        try (SourceProducer open = SourceProducer.transactional(broker.bootstrap(), "fetcher-open");
             SourceBatchFetcher committed = fetcher(broker.client(), true, 1 << 20);
             SourceBatchFetcher uncommitted = fetcher(broker.client(), false, 1 << 20)) {
            open.kafka().beginTransaction();
            for (int i = 0; i < 3; i++) {
                open.send(new ProducerRecord<>(topic, 0, utf8("open"), utf8("pending " + i)));
            }
            open.kafka().flush();
            committed.assign(List.of(tp));
            uncommitted.assign(List.of(tp));

            assertThat(committed.endOffsets(List.of(tp), TIMEOUT)).isEqualTo(Map.of(tp, 5L));
            assertThat(uncommitted.endOffsets(List.of(tp), TIMEOUT)).isEqualTo(Map.of(tp, 8L));
            committed.seek(tp, 0);
            assertThat(records(fetchToEnd(committed, Map.of(tp, 5L)).get(0))).hasSize(5);
            assertThat(committed.poll(Duration.ofMillis(700)).isEmpty()).isTrue();
            assertThat(committed.position(tp)).isEqualTo(5);
            open.kafka().abortTransaction();
        }
    }

    @Test
    void aCompactedTopicIsFetchedWithItsOffsetGaps() throws InterruptedException {
        String topic = "fetcher.compacted";
        List<KfsRecord> compacted = Compaction.customerVersions(broker, topic);
        TopicPartition tp = new TopicPartition(topic, 0);

        try (SourceBatchFetcher fetcher = fetcher(broker.client(), false, 1 << 20)) {
            fetcher.assign(List.of(tp));
            fetcher.seek(tp, 0);
            Map<TopicPartition, Long> ends = fetcher.endOffsets(List.of(tp), TIMEOUT);
            List<KfsRecord> fetched = records(fetchToEnd(fetcher, ends).get(0));

            assertThat(fetched).isEqualTo(compacted);
            assertThat(fetched.get(fetched.size() - 1).offset() - fetched.get(0).offset() + 1).isGreaterThan(fetched.size());
            assertThat(fetcher.position(tp)).isEqualTo(ends.get(tp));
        }
    }

    @Test
    void aPositionBeforeTheLogStartThrowsOffsetOutOfRangeNamingPartitionAndOffset() throws Exception {
        String topic = "fetcher.truncated";
        broker.createTopic(topic, 1, Map.of());
        produce(topic, 1, 20);
        TopicPartition tp = new TopicPartition(topic, 0);
        try (Admin admin = broker.admin()) {
            admin.deleteRecords(Map.of(tp, RecordsToDelete.beforeOffset(8))).all().get();
        }

        try (SourceBatchFetcher fetcher = fetcher(broker.client(), false, 1 << 20)) {
            fetcher.assign(List.of(tp));
            assertThat(fetcher.beginningOffsets(List.of(tp), TIMEOUT)).isEqualTo(Map.of(tp, 8L));
            fetcher.seek(tp, 3);

            assertThatThrownBy(() -> fetcher.poll(TIMEOUT)).isInstanceOf(OffsetOutOfRangeException.class)
                    .satisfies(e -> assertThat(((OffsetOutOfRangeException) e).offsetOutOfRangePartitions())
                            .isEqualTo(Map.of(tp, 3L)));
            assertThat(fetcher.position(tp)).isEqualTo(3);
        }
    }

    @Test
    void aPausedPartitionIsNotFetchedUntilResumed() {
        String topic = "fetcher.paused";
        broker.createTopic(topic, 2, Map.of());
        produce(topic, 2, 40);
        List<TopicPartition> partitions = partitions(topic, 2);
        TopicPartition paused = partitions.get(0);
        TopicPartition running = partitions.get(1);

        try (SourceBatchFetcher fetcher = fetcher(broker.client(), false, 1 << 20)) {
            fetcher.assign(partitions);
            fetcher.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = fetcher.endOffsets(partitions, TIMEOUT);
            fetcher.pause(List.of(paused));

            List<ByteBuffer> ofRunning = fetchToEnd(fetcher, Map.of(running, ends.get(running))).get(running.partition());
            assertThat(fetcher.poll(Duration.ofMillis(700)).isEmpty()).isTrue();
            assertThat(fetcher.position(paused)).isZero();

            fetcher.resume(List.of(paused));
            List<ByteBuffer> ofPaused = fetchToEnd(fetcher, Map.of(paused, ends.get(paused))).get(paused.partition());

            Map<Integer, List<KfsRecord>> expected = SourceRecords.of(broker.bootstrap(), topic);
            assertThat(records(ofRunning)).isEqualTo(expected.get(running.partition()));
            assertThat(records(ofPaused)).isEqualTo(expected.get(paused.partition()));
        }
    }

    @Test
    void wakeupEndsABlockedPollAndOtherwiseTheNextOne() throws Exception {
        String topic = "fetcher.idle";
        broker.createTopic(topic, 1, Map.of());
        TopicPartition tp = new TopicPartition(topic, 0);
        try (SourceBatchFetcher fetcher = fetcher(broker.client(), false, 1 << 20)) {
            fetcher.assign(List.of(tp));
            fetcher.seek(tp, 0);
            assertThat(fetcher.poll(Duration.ofMillis(600)).isEmpty()).isTrue();

            CompletableFuture<Void> wake = CompletableFuture.runAsync(() -> {
                sleep(300);
                fetcher.wakeup();
            });
            long started = System.nanoTime();
            assertThatThrownBy(() -> fetcher.poll(Duration.ofSeconds(20))).isInstanceOf(WakeupException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            wake.get(5, TimeUnit.SECONDS);

            fetcher.wakeup();
            assertThatThrownBy(() -> fetcher.poll(Duration.ofSeconds(20))).isInstanceOf(WakeupException.class);
            assertThat(fetcher.poll(Duration.ofMillis(100)).isEmpty()).isTrue();
        }
    }

    @Test
    void readsThroughScramWithTheConsumersPropertiesAndAWrongPasswordIsAnAuthenticationFailure() {
        String topic = "fetcher.scram";
        broker.createTopic(topic, 1, Map.of());
        produce(topic, 1, 25);
        TopicPartition tp = new TopicPartition(topic, 0);

        try (SourceBatchFetcher fetcher = fetcher(broker.scramClient(KafkaTestBroker.SCRAM_PASSWORD), false, 1 << 20)) {
            fetcher.assign(List.of(tp));
            fetcher.seekToBeginning(List.of(tp));
            List<ByteBuffer> fetched = fetchToEnd(fetcher, fetcher.endOffsets(List.of(tp), TIMEOUT)).get(0);
            assertThat(records(fetched)).isEqualTo(SourceRecords.of(broker.bootstrap(), topic).get(0));
        }
        try (SourceBatchFetcher fetcher = fetcher(broker.scramClient("not-the-password"), false, 1 << 20)) {
            fetcher.assign(List.of(tp));
            fetcher.seek(tp, 0);
            assertThatThrownBy(() -> {
                for (int i = 0; i < 100; i++) {
                    fetcher.poll(Duration.ofMillis(200));
                }
            }).isInstanceOf(SaslAuthenticationException.class).hasMessageContaining("SCRAM-SHA-512");
        }
    }

    private static SourceBatchFetcher fetcher(Properties client, boolean readCommitted, int fetchMaxBytes) {
        return new SourceBatchFetcher(client, "fetcher-test", readCommitted, fetchMaxBytes);
    }

    private KafkaProducer<byte[], byte[]> producer(String compression) {
        Properties p = broker.client();
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(8 << 20));
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(64 << 10));
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        // A new topic's leader may refuse the first batches; idempotent retries of several in flight then met
        // OUT_OF_ORDER_SEQUENCE until the delivery timeout (2 min). One in flight keeps order without sequences.
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private void produce(String topic, int partitions, int count) {
        try (SourceProducer producer = SourceProducer.to(broker.bootstrap())) {
            for (int i = 0; i < count; i++) {
                producer.send(topic, i % partitions, "k" + i, "v" + i);
            }
            producer.confirm();
        }
    }

    private static List<TopicPartition> partitions(String topic, int count) {
        return IntStream.range(0, count).mapToObj(p -> new TopicPartition(topic, p)).toList();
    }

    private static long lastOffset(List<ByteBuffer> batches) {
        return onlyBatch(batches.get(batches.size() - 1)).lastOffset();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
