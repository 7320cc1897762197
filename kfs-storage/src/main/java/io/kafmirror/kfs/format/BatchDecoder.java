package io.kafmirror.kfs.format;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.record.internal.CompressionType;
import org.apache.kafka.common.record.internal.DefaultRecordBatch;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.record.internal.Records;

/**
 * Splits chunk bytes into Kafka v2 record batches and decodes their records, turning every
 * structural problem into a {@link CorruptSegmentException} at an absolute object position.
 *
 * <p>Without the {@code SOURCE_BATCHES} flag every batch must use the segment codec and be a plain
 * data batch; with it, a batch may carry any known compression and be a transactional data batch.
 * Control batches are refused either way.
 */
final class BatchDecoder {

    private final String objectName;
    private final ChunkEntry chunk;
    private final SegmentCodec codec;
    private final SegmentFlags flags;
    private final String part;
    // One decoder serves one thread's read of one chunk, so its unsynchronised buffers are enough.
    private final BatchRecords decoder = new BatchRecords();

    BatchDecoder(String objectName, ChunkEntry chunk, SegmentCodec codec, SegmentFlags flags) {
        this.objectName = objectName;
        this.chunk = chunk;
        this.codec = codec;
        this.flags = flags;
        this.part = "chunk of partition " + chunk.partition();
    }

    /**
     * The batches in {@code bytes[from, from + length)}, which starts at chunk-relative position
     * {@code chunkPosition} and must hold whole batches only.
     */
    List<PositionedBatch> batches(byte[] bytes, int from, int length, long chunkPosition) {
        List<PositionedBatch> batches = new ArrayList<>();
        int p = from;
        int end = from + length;
        while (p < end) {
            long at = chunk.chunkPosition() + chunkPosition + (p - from);
            if (end - p < DefaultRecordBatch.RECORD_BATCH_OVERHEAD) {
                throw corrupt(at, "a record batch header is cut off after " + (end - p) + " bytes");
            }
            ByteBuffer view = ByteBuffer.wrap(bytes, p, end - p).slice();
            int size = Records.LOG_OVERHEAD + view.getInt(Records.SIZE_OFFSET);
            if (size < DefaultRecordBatch.RECORD_BATCH_OVERHEAD || size > end - p) {
                throw corrupt(at, "record batch length " + size + " does not fit the " + (end - p) + " bytes left");
            }
            if (view.get(Records.MAGIC_OFFSET) != RecordBatch.MAGIC_VALUE_V2) {
                throw corrupt(at, "record batch magic " + view.get(Records.MAGIC_OFFSET) + " is not Kafka's v2");
            }
            ByteBuffer batchBytes = view.limit(size).slice();
            RecordBatch batch = MemoryRecords.readableRecords(batchBytes).batches().iterator().next();
            checkPlacement(batch, at, batches.isEmpty() ? null : batches.get(batches.size() - 1).batch());
            batches.add(new PositionedBatch(batch, batchBytes, chunkPosition + (p - from)));
            p += size;
        }
        return batches;
    }

    /** Verifies a batch's own CRC32C, which covers everything from its attributes to its end. */
    void ensureValid(PositionedBatch b) {
        try {
            b.batch().ensureValid();
        } catch (KafkaException e) {
            throw corrupt(chunk.chunkPosition() + b.chunkPosition(), "record batch: " + e.getMessage());
        }
    }

    /** The records of {@code b}, decompressed and converted; each must lie inside the batch's offset range. */
    List<KfsRecord> records(PositionedBatch b) {
        RecordBatch batch = b.batch();
        List<KfsRecord> records;
        try {
            records = decoder.decode(batch, b.bytes());
        } catch (BatchRecords.MalformedRecords e) {
            throw corrupt(chunk.chunkPosition() + b.chunkPosition(), "record batch does not decode: " + e.getMessage());
        }
        long previous = batch.baseOffset() - 1;
        for (KfsRecord r : records) {
            if (r.offset() <= previous || r.offset() > batch.lastOffset()) {
                throw corrupt(chunk.chunkPosition() + b.chunkPosition(), "record offset " + r.offset() + " follows " + previous
                        + " or lies outside its batch's offsets " + batch.baseOffset() + ".." + batch.lastOffset());
            }
            previous = r.offset();
        }
        return records;
    }

    CorruptSegmentException corrupt(long position, String detail) {
        return new CorruptSegmentException(objectName, part, position, detail);
    }

    private void checkPlacement(RecordBatch batch, long at, RecordBatch previous) {
        CompressionType compression = compression(batch, at);
        if (!flags.sourceBatches() && compression.id != codec.id()) {
            throw corrupt(at, "record batch compression " + compression + " differs from the segment's " + codec);
        }
        if (batch.isControlBatch()) {
            throw corrupt(at, "control record batch; segments hold data batches only");
        }
        if (batch.isTransactional() && !flags.sourceBatches()) {
            throw corrupt(at, "transactional record batch in a segment without source batches (flags " + flags + ")");
        }
        if (batch.baseOffset() < chunk.firstOffset() || batch.lastOffset() > chunk.lastOffset()
                || batch.baseOffset() > batch.lastOffset()) {
            throw corrupt(at, "record batch offsets " + batch.baseOffset() + ".." + batch.lastOffset()
                    + " fall outside the chunk's " + chunk.firstOffset() + ".." + chunk.lastOffset());
        }
        if (previous != null && batch.baseOffset() <= previous.lastOffset()) {
            throw corrupt(at, "record batch starts at offset " + batch.baseOffset() + ", not after the previous batch's last offset " + previous.lastOffset());
        }
    }

    private CompressionType compression(RecordBatch batch, long at) {
        try {
            return batch.compressionType();
        } catch (IllegalArgumentException e) {
            throw corrupt(at, "record batch attributes name an unknown compression: " + e.getMessage());
        }
    }

    /**
     * A batch and where it starts in its chunk.
     *
     * @param batch         the batch
     * @param bytes         the batch's bytes, header included, which {@code batch} reads too
     * @param chunkPosition its start, relative to the chunk start
     */
    record PositionedBatch(RecordBatch batch, ByteBuffer bytes, long chunkPosition) {
    }
}
