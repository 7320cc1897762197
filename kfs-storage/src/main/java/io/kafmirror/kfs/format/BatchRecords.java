package io.kafmirror.kfs.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.CompressionType;
import org.apache.kafka.common.record.internal.DefaultRecordBatch;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.utils.internals.BufferSupplier;
import org.apache.kafka.common.utils.internals.ByteUtils;

/**
 * Decodes the records section of a Kafka v2 batch (the record layout of Kafka's {@code DefaultRecord}) straight into
 * {@link KfsRecord}s: a compressed section is inflated once into a buffer reused from batch to batch, and every
 * key, value and header value is copied once, from that buffer into its own array.
 *
 * <p>Kafka's own iterator reads a compressed batch record by record through a stream, copies each record into a
 * buffer of its own, decodes every header key from UTF-8 and leaves key and value as views that must be copied
 * again; on a restore that was most of the reading thread's time. Header keys repeat from record to record, so
 * the few distinct ones are decoded once ({@link HeaderKeys}).
 *
 * <p>Not thread-safe: one instance serves one reader of one chunk, as its {@link BatchDecoder} does.
 */
final class BatchRecords {

    private static final int FIRST_CAPACITY = 64 * 1024;
    // Where a v2 batch header keeps its base timestamp; RecordBatch offers no accessor and Kafka keeps the constant private.
    private static final int BASE_TIMESTAMP_OFFSET = 27;

    private final BufferSupplier buffers = BufferSupplier.create();
    private final HeaderKeys headerKeys = new HeaderKeys();
    // Allocated on the first compressed batch: planning reads mostly batch headers and decodes few records.
    private byte[] inflated;

    /**
     * The records of {@code batch}, whose bytes (header included) are {@code bytes}.
     *
     * @throws MalformedRecords when the section does not decode as the batch header describes it
     */
    List<KfsRecord> decode(RecordBatch batch, ByteBuffer bytes) {
        ByteBuffer section = section(batch, bytes);
        Integer declared = batch.countOrNull();
        int count = declared == null ? 0 : declared;
        if (count < 0) {
            throw new MalformedRecords("the batch header declares " + count + " records");
        }
        TimestampType type = batch.timestampType();
        long baseOffset = batch.baseOffset();
        long baseTimestamp = bytes.getLong(bytes.position() + BASE_TIMESTAMP_OFFSET);
        long logAppendTime = type == TimestampType.LOG_APPEND_TIME ? batch.maxTimestamp() : KfsRecord.NO_TIMESTAMP;
        List<KfsRecord> records = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                records.add(record(section, type, baseOffset, baseTimestamp, logAppendTime));
            }
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new MalformedRecords("record " + records.size() + " of " + count + " runs past the end of the batch's records");
        } catch (IllegalArgumentException e) {
            throw new MalformedRecords("record " + records.size() + " of " + count + ": " + e.getMessage());
        }
        if (section.hasRemaining()) {
            throw new MalformedRecords(section.remaining() + " bytes follow the " + count + " records the batch header declares");
        }
        return records;
    }

    private ByteBuffer section(RecordBatch batch, ByteBuffer bytes) {
        ByteBuffer records = bytes.duplicate().position(DefaultRecordBatch.RECORD_BATCH_OVERHEAD).slice();
        CompressionType compression = batch.compressionType();
        if (compression == CompressionType.NONE) {
            return records;
        }
        if (inflated == null) {
            inflated = new byte[FIRST_CAPACITY];
        }
        try (InputStream in = Compression.of(compression).build().wrapForInput(records, batch.magic(), buffers)) {
            int length = 0;
            for (int n; (n = in.read(inflated, length, inflated.length - length)) >= 0; ) {
                length += n;
                if (length == inflated.length) {
                    inflated = Arrays.copyOf(inflated, inflated.length * 2);
                }
            }
            return ByteBuffer.wrap(inflated, 0, length);
        } catch (IOException | RuntimeException e) {
            throw new MalformedRecords(compression.name + " records do not decompress: " + e.getMessage());
        }
    }

    private KfsRecord record(ByteBuffer in, TimestampType type, long baseOffset, long baseTimestamp, long logAppendTime) {
        int length = ByteUtils.readVarint(in);
        if (length < 0 || length > in.remaining()) {
            throw new MalformedRecords("record length " + length + " does not fit the " + in.remaining() + " bytes left");
        }
        int end = in.position() + length;
        in.get(); // record attributes: Kafka defines none for v2 records
        long timestampDelta = ByteUtils.readVarlong(in);
        int offsetDelta = ByteUtils.readVarint(in);
        byte[] key = bytes(in, "key");
        byte[] value = bytes(in, "value");
        int headerCount = ByteUtils.readVarint(in);
        if (headerCount < 0) {
            throw new MalformedRecords("negative header count " + headerCount);
        }
        Header[] headers = new Header[headerCount];
        for (int h = 0; h < headerCount; h++) {
            int keyLength = ByteUtils.readVarint(in);
            if (keyLength < 0 || keyLength > in.remaining()) {
                throw new MalformedRecords("header key length " + keyLength + " does not fit the " + in.remaining() + " bytes left");
            }
            String headerKey = headerKeys.of(in.array(), in.arrayOffset() + in.position(), keyLength);
            in.position(in.position() + keyLength);
            headers[h] = new RecordHeader(headerKey, bytes(in, "header value"));
        }
        if (in.position() != end) {
            throw new MalformedRecords("record length " + length + " disagrees with its fields' " + (in.position() - end + length) + " bytes");
        }
        long timestamp = type == TimestampType.LOG_APPEND_TIME ? logAppendTime : baseTimestamp + timestampDelta;
        return new KfsRecord(baseOffset + offsetDelta, timestamp, type, key, value, headers);
    }

    private static byte[] bytes(ByteBuffer in, String field) {
        int length = ByteUtils.readVarint(in);
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > in.remaining()) {
            throw new MalformedRecords(field + " length " + length + " does not fit the " + in.remaining() + " bytes left");
        }
        byte[] copy = new byte[length];
        in.get(copy);
        return copy;
    }

    /** A records section that does not decode; {@link BatchDecoder} places it in the segment. */
    static final class MalformedRecords extends RuntimeException {

        MalformedRecords(String message) {
            super(message, null, false, false);
        }
    }
}
