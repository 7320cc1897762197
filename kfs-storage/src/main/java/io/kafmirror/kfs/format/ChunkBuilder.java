package io.kafmirror.kfs.format;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MemoryRecordsBuilder;
import org.apache.kafka.common.record.internal.RecordBatch;

/**
 * Builds the chunk of one partition: Kafka v2 record batches in offset order, the sparse index
 * over them, and the statistics of the directory entry. Batches are either built here from
 * records or {@link SourceBatch source batches} taken verbatim; an open built batch is closed
 * before a source batch follows it.
 *
 * <p>A batch holds records of one timestamp type only, and a LogAppendTime batch records of one
 * timestamp only, because Kafka stores a LogAppendTime once per batch: this keeps every record's
 * timestamp and type exact.
 */
final class ChunkBuilder {

    private static final int RECORD_OVERHEAD_ESTIMATE = 24;

    private final int partition;
    private final SegmentWriterConfig config;
    // Each closed batch in an array of its own size: growing the chunk never copies what it holds.
    private final List<byte[]> batches = new ArrayList<>();
    private final CRC32C intervalCrc = new CRC32C();
    private final List<IndexEntry> index = new ArrayList<>();
    private final ByteBuffer batchBuffer;

    private MemoryRecordsBuilder batch;
    private TimestampType batchType;
    private long batchTimestamp;
    private long batchBaseOffset;
    private long batchLastOffset;
    private long batchBytes;
    private long batchMaxTimestamp = Long.MIN_VALUE;

    private long length;
    private long firstOffset = -1;
    private long lastOffset = -1;
    private long recordCount;
    private long minTimestamp = Long.MAX_VALUE;
    private long maxTimestamp = Long.MIN_VALUE;
    private long lastEntryPosition = -1;
    private IndexEntry openEntry;
    // Built from the interval CRCs as intervals close: they tile the chunk, so its bytes are checksummed once.
    private int chunkCrc;

    ChunkBuilder(int partition, SegmentWriterConfig config) {
        this.partition = partition;
        this.config = config;
        this.batchBuffer = ByteBuffer.allocate(config.batchTargetBytes() + 1024);
    }

    void append(KfsRecord r) {
        if (r.offset() <= previousOffset()) {
            throw new IllegalArgumentException("Partition " + partition + ": offset " + r.offset()
                    + " is not after the previous offset " + previousOffset() + "; records must be appended in offset order");
        }
        long size = RECORD_OVERHEAD_ESTIMATE + length(r.key()) + length(r.value()) + headersLength(r.headers());
        if (batch != null && !fitsCurrentBatch(r, size)) {
            closeBatch();
        }
        if (batch == null) {
            openBatch(r);
        }
        batch.appendWithOffset(r.offset(), r.timestamp(), r.key(), r.value(), r.headers());
        batchBytes += size;
        batchMaxTimestamp = Math.max(batchMaxTimestamp, r.timestamp());
        if (firstOffset < 0) {
            firstOffset = r.offset();
        }
        batchLastOffset = r.offset();
        recordCount++;
        minTimestamp = Math.min(minTimestamp, r.timestamp());
    }

    /** Adds a source batch after the records and batches so far, closing the open built batch first. */
    void append(SourceBatch b) {
        if (b.baseOffset() <= previousOffset()) {
            throw new IllegalArgumentException("Partition " + partition + ": record batch at offsets " + b.baseOffset() + ".."
                    + b.lastOffset() + " does not start after the previous offset " + previousOffset()
                    + "; batches must be appended in offset order");
        }
        if (batch != null) {
            closeBatch();
        }
        if (firstOffset < 0) {
            firstOffset = b.baseOffset();
        }
        add(b.bytes(), b.baseOffset(), b.lastOffset(), b.maxTimestamp());
        recordCount += b.recordCount();
        minTimestamp = Math.min(minTimestamp, b.minTimestamp());
    }

    /** The last offset covered so far: the open built batch's last record, else the last closed batch's last offset. */
    private long previousOffset() {
        return batch != null ? batchLastOffset : lastOffset;
    }

    /** Approximate bytes held so far, for flush decisions. */
    long bufferedBytes() {
        return length + batchBytes;
    }

    long recordCount() {
        return recordCount;
    }

    /** Closes the open batch and the last index interval; the builder takes no more records. */
    void finish() {
        if (batch != null) {
            closeBatch();
        }
        closeIndexInterval();
    }

    int partition() {
        return partition;
    }

    /** Length of the chunk's bytes. */
    long length() {
        return length;
    }

    /** Puts the chunk's bytes into {@code out}. */
    void writeTo(ByteBuffer out) {
        batches.forEach(out::put);
    }

    /** CRC32C of the chunk's bytes, once {@link #finish} has closed the last interval. */
    int chunkCrc() {
        return chunkCrc;
    }

    ChunkIndex index() {
        return new ChunkIndex(index, length);
    }

    /** The directory entry once the chunk and its index have been placed at these positions. */
    ChunkEntry entry(long chunkPosition, long indexPosition, byte[] indexBytes) {
        return new ChunkEntry(partition, firstOffset, lastOffset, recordCount, minTimestamp, maxTimestamp,
                chunkPosition, length, chunkCrc(), indexPosition, indexBytes.length,
                Crc32c.of(indexBytes, 0, indexBytes.length));
    }

    private boolean fitsCurrentBatch(KfsRecord r, long size) {
        return r.timestampType() == batchType
                && (batchType != TimestampType.LOG_APPEND_TIME || r.timestamp() == batchTimestamp)
                && batchBytes + size <= config.batchTargetBytes()
                && r.offset() - batchBaseOffset <= Integer.MAX_VALUE;
    }

    private void openBatch(KfsRecord r) {
        batchType = r.timestampType();
        batchTimestamp = r.timestamp();
        batchBaseOffset = r.offset();
        batchBytes = 0;
        batchMaxTimestamp = Long.MIN_VALUE;
        long logAppendTime = batchType == TimestampType.LOG_APPEND_TIME ? r.timestamp() : RecordBatch.NO_TIMESTAMP;
        batchBuffer.clear();
        batch = MemoryRecords.builder(batchBuffer, RecordBatch.MAGIC_VALUE_V2, config.codec().compression(),
                batchType, r.offset(), logAppendTime);
    }

    private void closeBatch() {
        ByteBuffer buffer = batch.build().buffer();
        batch = null;
        batchBytes = 0;
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        add(bytes, batchBaseOffset, batchLastOffset, batchMaxTimestamp);
    }

    /** Appends a finished batch to the chunk, with an index entry at its start when the interval has passed. */
    private void add(byte[] bytes, long baseOffset, long batchLast, long batchMax) {
        long position = length;
        if (length + bytes.length > SegmentWriter.MAX_LENGTH) {
            throw SegmentWriter.tooLarge();
        }
        if (lastEntryPosition < 0 || position - lastEntryPosition >= config.indexIntervalBytes()) {
            closeIndexInterval();
            openEntry = new IndexEntry(baseOffset, maxTimestamp, position, 0);
            lastEntryPosition = position;
        }
        intervalCrc.update(bytes);
        batches.add(bytes);
        length += bytes.length;
        lastOffset = batchLast;
        maxTimestamp = Math.max(maxTimestamp, batchMax);
    }

    private void closeIndexInterval() {
        if (openEntry != null) {
            int crc = (int) intervalCrc.getValue();
            index.add(new IndexEntry(openEntry.offset(), openEntry.maxTimestampSoFar(), openEntry.position(), crc));
            chunkCrc = Crc32c.combine(chunkCrc, crc, length - openEntry.position());
            openEntry = null;
        }
        intervalCrc.reset();
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    private static long headersLength(Header[] headers) {
        long n = 0;
        for (Header h : headers) {
            n += h.key().length() + length(h.value()) + 4;
        }
        return n;
    }
}
