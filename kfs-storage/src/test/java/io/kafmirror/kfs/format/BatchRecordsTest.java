package io.kafmirror.kfs.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.DefaultRecordBatch;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.record.internal.Records;
import org.apache.kafka.common.utils.internals.BufferSupplier;
import org.apache.kafka.common.utils.internals.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The records a restore reads are the records a Kafka consumer reads from the same batch. */
class BatchRecordsTest {

    private static final long T0 = 1_780_000_000_000L;

    @ParameterizedTest
    @EnumSource(SegmentCodec.class)
    void decodesWhatKafkasIteratorDecodesWithManyDistinctHeaderKeys(SegmentCodec codec) {
        BatchRecords decoder = new BatchRecords();
        for (int round = 0; round < 3; round++) {
            ByteBuffer batch = batchWithHeaders(codec, round);

            assertThat(decoder.decode(batchOf(batch), batch)).containsExactlyElementsOf(kafkaReads(batch));
        }
    }

    @Test
    void logAppendTimeRecordsTakeTheBatchTime() {
        ByteBuffer batch = SourceBatches.logAppendTime(SegmentCodec.ZSTD.compression(), 10, T0 + 999)
                .add(10, T0, "a", "1").add(12, T0 + 5, null, null).build();

        List<KfsRecord> records = new BatchRecords().decode(batchOf(batch), batch);

        assertThat(records).extracting(KfsRecord::timestamp).containsExactly(T0 + 999, T0 + 999);
        assertThat(records).containsExactlyElementsOf(kafkaReads(batch));
    }

    @Test
    void aHeaderCountingMoreRecordsThanTheBatchHoldsIsRefused() {
        ByteBuffer batch = SourceBatches.createTime(SegmentCodec.NONE.compression(), 0).add(0, T0, "k", "v").build();
        batch.putInt(DefaultRecordBatch.RECORDS_COUNT_OFFSET, 2);

        assertThatThrownBy(() -> new BatchRecords().decode(batchOf(batch), batch))
                .isInstanceOf(BatchRecords.MalformedRecords.class)
                .hasMessage("record 1 of 2 runs past the end of the batch's records");
    }

    @Test
    void bytesAfterTheDeclaredRecordsAreRefused() {
        ByteBuffer batch = SourceBatches.createTime(SegmentCodec.LZ4.compression(), 0)
                .add(0, T0, "k", "v").add(1, T0, "k", "w").build();
        batch.putInt(DefaultRecordBatch.RECORDS_COUNT_OFFSET, 1);

        assertThatThrownBy(() -> new BatchRecords().decode(batchOf(batch), batch))
                .isInstanceOf(BatchRecords.MalformedRecords.class)
                .hasMessageEndingWith("bytes follow the 1 records the batch header declares");
    }

    @Test
    void aTruncatedCompressedSectionIsRefused() {
        ByteBuffer whole = SourceBatches.createTime(SegmentCodec.ZSTD.compression(), 0).add(0, T0, "k", "v".repeat(500)).build();
        ByteBuffer cut = ByteBuffer.allocate(whole.remaining() - 4).put(whole.duplicate().limit(whole.limit() - 4)).flip();
        cut.putInt(Records.SIZE_OFFSET, cut.remaining() - Records.LOG_OVERHEAD);

        assertThatThrownBy(() -> new BatchRecords().decode(batchOf(cut), cut))
                .isInstanceOf(BatchRecords.MalformedRecords.class)
                .hasMessageStartingWith("zstd records do not decompress");
    }

    private static ByteBuffer batchWithHeaders(SegmentCodec codec, int round) {
        SourceBatches batch = SourceBatches.createTime(codec.compression(), 100L * round);
        for (int i = 0; i < 40; i++) {
            Header[] headers = {
                    new RecordHeader("trace-id", bytes("t" + i)),
                    new RecordHeader("k" + (i % 23) + "-é", i % 5 == 0 ? null : bytes("v" + i)),
                    new RecordHeader("", new byte[0])};
            byte[] key = i % 7 == 0 ? null : bytes("key-" + i);
            byte[] value = i % 11 == 0 ? null : bytes("{\"n\":" + i + ",\"round\":" + round + "}");
            batch.add(new KfsRecord(100L * round + 2 * i, T0 + i * 3 - (i % 4), TimestampType.CREATE_TIME, key, value, headers));
        }
        return batch.build();
    }

    private static RecordBatch batchOf(ByteBuffer bytes) {
        return MemoryRecords.readableRecords(bytes.duplicate()).batches().iterator().next();
    }

    private static List<KfsRecord> kafkaReads(ByteBuffer bytes) {
        RecordBatch batch = batchOf(bytes);
        List<KfsRecord> records = new ArrayList<>();
        try (CloseableIterator<Record> it = batch.streamingIterator(BufferSupplier.create())) {
            it.forEachRemaining(r -> records.add(KfsRecord.copyOf(r, batch.timestampType())));
        }
        return records;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
