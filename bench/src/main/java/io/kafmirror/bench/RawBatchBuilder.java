package io.kafmirror.bench;

import io.kafmirror.kfs.format.KfsRecord;
import io.kafmirror.kfs.format.SegmentCodec;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.CompressionType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MemoryRecordsBuilder;
import org.apache.kafka.common.record.internal.RecordBatch;

/**
 * The writer baseline: kafka-clients' {@link MemoryRecordsBuilder} turning the same records into
 * the same v2 batches with the same codec, and nothing else. Each partition reuses one buffer and
 * the built batches are dropped, as a producer's buffer pool does after a send, so this is the
 * pure batch-building rate.
 */
final class RawBatchBuilder {

    // ChunkBuilder's size estimate and limit, so both sides cut batches after the same records.
    private static final int RECORD_OVERHEAD_ESTIMATE = 24;

    private final Compression compression;
    private final int batchTargetBytes;

    /** Builds batches of {@code codec}, closed at {@code batchTargetBytes} as the segment writer closes them. */
    RawBatchBuilder(SegmentCodec codec, int batchTargetBytes) {
        // SegmentCodec ids are Kafka's compression ids by definition.
        this.compression = Compression.of(CompressionType.forId(codec.id())).build();
        this.batchTargetBytes = batchTargetBytes;
    }

    /** Builds every batch of {@code stream}; returns the bytes built, so the work cannot be optimised away. */
    long build(List<PartitionRecord> stream) {
        Map<Integer, OpenBatch> open = new HashMap<>();
        long built = 0;
        for (PartitionRecord r : stream) {
            built += open.computeIfAbsent(r.partition(), p -> new OpenBatch()).append(r.record());
        }
        for (OpenBatch b : open.values()) {
            built += b.close();
        }
        return built;
    }

    private static long estimatedSize(KfsRecord r) {
        long n = RECORD_OVERHEAD_ESTIMATE + length(r.key()) + length(r.value());
        for (Header h : r.headers()) {
            n += h.key().length() + length(h.value()) + 4;
        }
        return n;
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    /** The batch being filled for one partition. */
    private final class OpenBatch {

        private final ByteBuffer buffer = ByteBuffer.allocate(batchTargetBytes + 1024);
        private MemoryRecordsBuilder builder;
        private long estimate;

        /** Appends {@code r}; returns the size of the batch it closed first, or 0. */
        long append(KfsRecord r) {
            long size = estimatedSize(r);
            long closed = builder != null && estimate + size > batchTargetBytes ? close() : 0;
            if (builder == null) {
                buffer.clear();
                builder = MemoryRecords.builder(buffer, RecordBatch.MAGIC_VALUE_V2, compression, TimestampType.CREATE_TIME,
                        r.offset(), RecordBatch.NO_TIMESTAMP);
                estimate = 0;
            }
            builder.appendWithOffset(r.offset(), r.timestamp(), r.key(), r.value(), r.headers());
            estimate += size;
            return closed;
        }

        long close() {
            if (builder == null) {
                return 0;
            }
            int size = builder.build().sizeInBytes();
            builder = null;
            return size;
        }
    }
}
