package io.kafmirror.kfs.format;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.record.internal.DefaultRecordBatch;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.record.internal.Records;
import org.apache.kafka.common.utils.internals.BufferSupplier;
import org.apache.kafka.common.utils.internals.CloseableIterator;

/**
 * A record batch exactly as the source cluster served it, checked and measured before a writer
 * stores its bytes verbatim (see "Source batches" in {@code docs/kfs-format.md}): magic 2, a valid
 * Kafka CRC, a data batch with at least one record and a known compression, records inside the
 * batch's offset range, and a header {@code maxTimestamp} equal to the records' largest timestamp,
 * which the time index relies on.
 *
 * <p>Measuring decompresses the batch but walks only offsets and timestamps, skipping keys, values
 * and headers; decompression buffers come from the writer's {@link BufferSupplier}, so a steady
 * stream of batches allocates none.
 */
final class SourceBatch {

    private final byte[] bytes;
    private final long baseOffset;
    private final long lastOffset;
    private final int recordCount;
    private final long minTimestamp;
    private final long maxTimestamp;

    private SourceBatch(byte[] bytes, DefaultRecordBatch batch, long minTimestamp) {
        this.bytes = bytes;
        this.baseOffset = batch.baseOffset();
        this.lastOffset = batch.lastOffset();
        this.recordCount = batch.countOrNull();
        this.minTimestamp = minTimestamp;
        this.maxTimestamp = batch.maxTimestamp();
    }

    /**
     * Checks the remaining bytes of {@code buffer}, one whole batch of {@code partition}, and copies
     * them; the buffer's position is left as it was.
     */
    static SourceBatch of(int partition, ByteBuffer buffer, BufferSupplier decompression) {
        int size = buffer.remaining();
        // Magic first: an older format's batch is shorter than a v2 header, and its magic says more than its size.
        if (size > Records.MAGIC_OFFSET) {
            byte magic = buffer.get(buffer.position() + Records.MAGIC_OFFSET);
            if (magic != RecordBatch.MAGIC_VALUE_V2) {
                throw refused(partition, "record batch magic " + magic + " is not Kafka's v2; only v2 batches can be stored verbatim");
            }
        }
        if (size < DefaultRecordBatch.RECORD_BATCH_OVERHEAD) {
            throw refused(partition, "a record batch of " + size + " bytes is shorter than a batch header ("
                    + DefaultRecordBatch.RECORD_BATCH_OVERHEAD + " bytes)");
        }
        int declared = Records.LOG_OVERHEAD + buffer.getInt(buffer.position() + Records.SIZE_OFFSET);
        if (declared != size) {
            throw refused(partition, "the buffer holds " + size + " bytes but its batch header says " + declared
                    + "; pass exactly one whole batch");
        }
        byte[] bytes = new byte[size];
        buffer.get(buffer.position(), bytes);
        DefaultRecordBatch batch = (DefaultRecordBatch) MemoryRecords.readableRecords(ByteBuffer.wrap(bytes)).batches().iterator().next();
        try {
            batch.ensureValid();
        } catch (KafkaException e) {
            throw refused(partition, batch, "is damaged: " + e.getMessage());
        }
        if (batch.isControlBatch()) {
            throw refused(partition, batch, "is a control batch (a transaction marker); segments store data batches only");
        }
        if (batch.countOrNull() == 0) {
            throw refused(partition, batch, "holds no records (compaction emptied it); only batches with records are stored");
        }
        try {
            batch.compressionType();
        } catch (IllegalArgumentException e) {
            throw refused(partition, batch, "has an unknown compression: " + e.getMessage());
        }
        return new SourceBatch(bytes, batch, minTimestamp(partition, batch, decompression));
    }

    /** The smallest record timestamp, after checking every record's offset and timestamp against the header. */
    private static long minTimestamp(int partition, DefaultRecordBatch batch, BufferSupplier decompression) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        long previous = batch.baseOffset() - 1;
        int count = 0;
        try (CloseableIterator<Record> records = batch.skipKeyValueIterator(decompression)) {
            while (records.hasNext()) {
                Record r = records.next();
                if (r.offset() <= previous || r.offset() > batch.lastOffset()) {
                    throw refused(partition, batch, "holds record offset " + r.offset() + " after " + previous
                            + ", out of order or outside the batch");
                }
                if (r.timestamp() < 0 && r.timestamp() != KfsRecord.NO_TIMESTAMP) {
                    throw refused(partition, batch, "holds record offset " + r.offset() + " with timestamp " + r.timestamp()
                            + "; Kafka allows only timestamps from 0 on, or -1 for none");
                }
                previous = r.offset();
                min = Math.min(min, r.timestamp());
                max = Math.max(max, r.timestamp());
                count++;
            }
        } catch (KafkaException | IndexOutOfBoundsException | BufferUnderflowException e) {
            throw refused(partition, batch, "does not decode: " + e.getMessage());
        }
        if (count != batch.countOrNull() || max != batch.maxTimestamp()) {
            throw refused(partition, batch, "holds " + count + " records with largest timestamp " + max
                    + " but its header says " + batch.countOrNull() + " records, max timestamp " + batch.maxTimestamp());
        }
        return min;
    }

    private static IllegalArgumentException refused(int partition, String detail) {
        return new IllegalArgumentException("Partition " + partition + ": " + detail);
    }

    private static IllegalArgumentException refused(int partition, RecordBatch batch, String detail) {
        return refused(partition, "record batch at offsets " + batch.baseOffset() + ".." + batch.lastOffset() + " " + detail);
    }

    /** The batch's bytes, as the source served them. */
    byte[] bytes() {
        return bytes;
    }

    long baseOffset() {
        return baseOffset;
    }

    long lastOffset() {
        return lastOffset;
    }

    int recordCount() {
        return recordCount;
    }

    long minTimestamp() {
        return minTimestamp;
    }

    long maxTimestamp() {
        return maxTimestamp;
    }
}
