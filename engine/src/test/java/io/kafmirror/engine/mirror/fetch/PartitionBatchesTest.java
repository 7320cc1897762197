package io.kafmirror.engine.mirror.fetch;

import static io.kafmirror.engine.mirror.fetch.FetchedRecords.onlyBatch;
import static io.kafmirror.engine.mirror.fetch.FetchedRecords.records;
import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.kfs.format.KfsRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.CompressionType;
import org.apache.kafka.common.record.internal.ControlRecordType;
import org.apache.kafka.common.record.internal.DefaultRecordBatch;
import org.apache.kafka.common.record.internal.EndTransactionMarker;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MemoryRecordsBuilder;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.apache.kafka.common.utils.internals.BufferSupplier;
import org.junit.jupiter.api.Test;

/** Which batches of a fetched partition are handed out, without a broker: old formats, empty, aborted and cut batches. */
class PartitionBatchesTest {

    private static final long T = 1_700_000_000_000L;
    private static final long PRODUCER = 42;

    @Test
    void oldFormatRecordsComeAsV2BatchesReadingAsTheConsumerReadsThem() {
        ByteBuffer log = concat(
                legacy(RecordBatch.MAGIC_VALUE_V1, CompressionType.GZIP, 0, "a", "b", "c"),
                legacy(RecordBatch.MAGIC_VALUE_V1, CompressionType.NONE, 3, "d"),
                legacy(RecordBatch.MAGIC_VALUE_V1, CompressionType.NONE, 4, "e"),
                legacy(RecordBatch.MAGIC_VALUE_V0, CompressionType.NONE, 5, "f"));

        PartitionBatches selected = select(log, 1, IsolationLevel.READ_UNCOMMITTED);

        assertThat(selected.batches()).map(FetchedRecords::onlyBatch)
                .allSatisfy(b -> assertThat(b.magic()).isEqualTo(RecordBatch.MAGIC_VALUE_V2))
                .extracting(RecordBatch::compressionType)
                .containsExactly(CompressionType.GZIP, CompressionType.NONE, CompressionType.NONE);
        assertThat(records(selected.batches())).containsExactly(
                record(1, T + 1, "b"), record(2, T + 2, "c"), record(3, T + 3, "d"), record(4, T + 4, "e"),
                record(5, KfsRecord.NO_TIMESTAMP, "f"));
        assertThat(selected.nextOffset()).isEqualTo(6);
    }

    @Test
    void emptyBatchesLeftByCompactionAreSkippedButPassed() {
        ByteBuffer empty = ByteBuffer.allocate(DefaultRecordBatch.RECORD_BATCH_OVERHEAD);
        DefaultRecordBatch.writeEmptyHeader(empty, RecordBatch.MAGIC_VALUE_V2, RecordBatch.NO_PRODUCER_ID,
                RecordBatch.NO_PRODUCER_EPOCH, RecordBatch.NO_SEQUENCE, 2, 4, 0, TimestampType.CREATE_TIME, T, false, false);
        ByteBuffer log = concat(v2(0, CompressionType.LZ4, "a", "b"), empty.flip(), v2(5, CompressionType.LZ4, "f"));

        PartitionBatches selected = select(log, 0, IsolationLevel.READ_UNCOMMITTED);

        assertThat(selected.batches()).hasSize(2);
        assertThat(records(selected.batches())).extracting(KfsRecord::offset).containsExactly(0L, 1L, 5L);
        assertThat(selected.nextOffset()).isEqualTo(6);
    }

    @Test
    void anIncompleteLastBatchIsLeftForTheNextFetch() {
        ByteBuffer whole = concat(v2(0, CompressionType.ZSTD, "a", "b"), v2(2, CompressionType.ZSTD, "c", "d"));
        ByteBuffer cut = whole.duplicate().limit(whole.limit() - 5).slice();

        PartitionBatches selected = select(cut, 0, IsolationLevel.READ_UNCOMMITTED);

        assertThat(records(selected.batches())).extracting(KfsRecord::offset).containsExactly(0L, 1L);
        assertThat(selected.nextOffset()).isEqualTo(2);
    }

    @Test
    void readCommittedDropsTheAbortedTransactionAndNoIsolationLevelGetsControlBatches() {
        ByteBuffer log = concat(transactional(0, "x", "y", "z"), marker(3, ControlRecordType.ABORT),
                transactional(4, "ok"), marker(5, ControlRecordType.COMMIT));
        List<FetchResponseData.AbortedTransaction> aborted =
                List.of(new FetchResponseData.AbortedTransaction().setProducerId(PRODUCER).setFirstOffset(0));

        PartitionBatches committed = PartitionBatches.select("t-0", data(log).setAbortedTransactions(aborted), 0,
                IsolationLevel.READ_COMMITTED, BufferSupplier.NO_CACHING);
        PartitionBatches uncommitted = PartitionBatches.select("t-0", data(log).setAbortedTransactions(aborted), 0,
                IsolationLevel.READ_UNCOMMITTED, BufferSupplier.NO_CACHING);

        assertThat(records(committed.batches())).extracting(KfsRecord::offset).containsExactly(4L);
        assertThat(records(uncommitted.batches())).extracting(KfsRecord::offset).containsExactly(0L, 1L, 2L, 4L);
        assertThat(committed.nextOffset()).isEqualTo(6);
        assertThat(uncommitted.nextOffset()).isEqualTo(6);
    }

    @Test
    void aTransactionalBatchEnteredInTheMiddleKeepsItsProducerAndSequence() {
        PartitionBatches selected = select(transactional(10, "x", "y", "z"), 12, IsolationLevel.READ_COMMITTED);

        RecordBatch tail = onlyBatch(selected.batches().get(0));
        assertThat(tail.baseOffset()).isEqualTo(12);
        assertThat(tail.producerId()).isEqualTo(PRODUCER);
        assertThat(tail.isTransactional()).isTrue();
        assertThat(tail.baseSequence()).isEqualTo(2);
        assertThat(tail.compressionType()).isEqualTo(CompressionType.SNAPPY);
        assertThat(records(selected.batches())).extracting(KfsRecord::offset).containsExactly(12L);
    }

    private static PartitionBatches select(ByteBuffer log, long position, IsolationLevel isolation) {
        return PartitionBatches.select("t-0", data(log), position, isolation, BufferSupplier.NO_CACHING);
    }

    private static FetchResponseData.PartitionData data(ByteBuffer log) {
        return new FetchResponseData.PartitionData().setRecords(MemoryRecords.readableRecords(log.duplicate()));
    }

    private static ByteBuffer legacy(byte magic, CompressionType compression, long baseOffset, String... values) {
        TimestampType type = magic == RecordBatch.MAGIC_VALUE_V0 ? TimestampType.NO_TIMESTAMP_TYPE : TimestampType.CREATE_TIME;
        MemoryRecordsBuilder builder = MemoryRecords.builder(ByteBuffer.allocate(1024), magic,
                Compression.of(compression).build(), type, baseOffset);
        for (int i = 0; i < values.length; i++) {
            long offset = baseOffset + i;
            builder.appendWithOffset(offset, magic == RecordBatch.MAGIC_VALUE_V0 ? RecordBatch.NO_TIMESTAMP : T + offset,
                    null, utf8(values[i]));
        }
        return builder.build().buffer();
    }

    private static ByteBuffer v2(long baseOffset, CompressionType compression, String... values) {
        SimpleRecord[] records = new SimpleRecord[values.length];
        for (int i = 0; i < values.length; i++) {
            records[i] = new SimpleRecord(T + baseOffset + i, null, utf8(values[i]));
        }
        return MemoryRecords.withRecords(baseOffset, Compression.of(compression).build(), records).buffer();
    }

    private static ByteBuffer transactional(long baseOffset, String... values) {
        SimpleRecord[] records = new SimpleRecord[values.length];
        for (int i = 0; i < values.length; i++) {
            records[i] = new SimpleRecord(T + baseOffset + i, null, utf8(values[i]));
        }
        return MemoryRecords.withTransactionalRecords(baseOffset, Compression.snappy().build(), PRODUCER, (short) 0,
                0, 0, records).buffer();
    }

    private static ByteBuffer marker(long offset, ControlRecordType type) {
        return MemoryRecords.withEndTransactionMarker(offset, T + offset, 0, PRODUCER, (short) 0,
                new EndTransactionMarker(type, 0)).buffer();
    }

    private static ByteBuffer concat(ByteBuffer... parts) {
        ByteBuffer all = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(ByteBuffer::remaining).sum());
        for (ByteBuffer part : parts) {
            all.put(part.duplicate());
        }
        return all.flip();
    }

    private static KfsRecord record(long offset, long timestamp, String value) {
        return new KfsRecord(offset, timestamp, TimestampType.CREATE_TIME, null, utf8(value), null);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
