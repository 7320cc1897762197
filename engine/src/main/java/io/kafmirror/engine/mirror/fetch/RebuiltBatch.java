package io.kafmirror.engine.mirror.fetch;

import java.nio.ByteBuffer;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.CompressionType;
import org.apache.kafka.common.record.internal.DefaultRecordBatch;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MemoryRecordsBuilder;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.utils.internals.BufferSupplier;
import org.apache.kafka.common.utils.internals.CloseableIterator;

/**
 * A magic v2 batch written anew from records of fetched batches that cannot be handed on as they are: the tail
 * of a batch that begins before the fetch position, or records in the old message formats (magic 0 and 1).
 * Offsets, timestamps, timestamp type, compression type, producer fields and leader epoch are kept, so the
 * records read back from it are the ones a consumer would have returned.
 */
final class RebuiltBatch {

    private final RecordBatch first;
    private final TimestampType timestampType;
    private final long logAppendTime;
    private MemoryRecordsBuilder builder;

    private RebuiltBatch(RecordBatch first) {
        this.first = first;
        // Magic 0 has no timestamps and v2 has no "no timestamp" type: its records keep timestamp -1 as CreateTime.
        this.timestampType = first.timestampType() == TimestampType.NO_TIMESTAMP_TYPE
                ? TimestampType.CREATE_TIME : first.timestampType();
        this.logAppendTime = timestampType == TimestampType.LOG_APPEND_TIME ? first.maxTimestamp() : RecordBatch.NO_TIMESTAMP;
    }

    /** A batch to be filled from {@code first} and, for old formats, the batches after it that {@link #accepts} takes. */
    static RebuiltBatch startingWith(RecordBatch first) {
        return new RebuiltBatch(first);
    }

    /** Whether the records of {@code next} (old format) can join this batch without changing how they read back. */
    boolean accepts(RecordBatch next) {
        return first.magic() < RecordBatch.MAGIC_VALUE_V2 && next.magic() < RecordBatch.MAGIC_VALUE_V2
                && next.compressionType() == first.compressionType()
                && next.timestampType() == first.timestampType()
                && (timestampType != TimestampType.LOG_APPEND_TIME || next.maxTimestamp() == logAppendTime);
    }

    /** Appends the records of {@code batch} at or after offset {@code from}. */
    void add(RecordBatch batch, long from, BufferSupplier decompression) {
        try (CloseableIterator<Record> records = batch.streamingIterator(decompression)) {
            while (records.hasNext()) {
                Record r = records.next();
                if (r.offset() >= from) {
                    builder(r.offset(), batch.sizeInBytes()).appendWithOffset(r.offset(), r.timestamp(), r.key(), r.value(),
                            r.headers());
                }
            }
        }
    }

    /** The batch, or null if no record was added. */
    ByteBuffer build() {
        return builder == null ? null : builder.build().buffer();
    }

    private MemoryRecordsBuilder builder(long baseOffset, int sizeHint) {
        if (builder == null) {
            CompressionType compression = first.compressionType();
            ByteBuffer buffer = ByteBuffer.allocate(Math.max(256, sizeHint + DefaultRecordBatch.RECORD_BATCH_OVERHEAD));
            builder = MemoryRecords.builder(buffer, RecordBatch.MAGIC_VALUE_V2, Compression.of(compression).build(),
                    timestampType, baseOffset, logAppendTime, first.producerId(), first.producerEpoch(),
                    baseSequence(baseOffset), first.isTransactional(), false, partitionLeaderEpoch());
        }
        return builder;
    }

    /** The sequence number of the record at {@code baseOffset}: v2 numbers records by their offset delta. */
    private int baseSequence(long baseOffset) {
        if (first.magic() < RecordBatch.MAGIC_VALUE_V2 || first.baseSequence() == RecordBatch.NO_SEQUENCE) {
            return RecordBatch.NO_SEQUENCE;
        }
        return DefaultRecordBatch.incrementSequence(first.baseSequence(), (int) (baseOffset - first.baseOffset()));
    }

    private int partitionLeaderEpoch() {
        return first.magic() < RecordBatch.MAGIC_VALUE_V2 ? RecordBatch.NO_PARTITION_LEADER_EPOCH : first.partitionLeaderEpoch();
    }
}
