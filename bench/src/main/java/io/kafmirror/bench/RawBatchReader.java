package io.kafmirror.bench;

import io.kafmirror.kfs.format.ChunkEntry;
import io.kafmirror.kfs.format.SealedSegment;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MutableRecordBatch;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.common.utils.internals.BufferSupplier;
import org.apache.kafka.common.utils.internals.CloseableIterator;

/**
 * The reader baseline: what a Kafka consumer does with fetched bytes, over the very batches the
 * segments hold. It checks each batch's CRC ({@code check.crcs=true}), streams the records through
 * a reused decompression buffer, and copies key, value and header values into arrays as
 * {@code ByteArrayDeserializer} would (with Kafka's own {@link Utils#toNullableArray}), which is the
 * output the segment reader produces too.
 */
final class RawBatchReader {

    private RawBatchReader() {
    }

    /** Reads every record of every chunk of {@code segments}. */
    static Tally read(List<SealedSegment> segments) {
        Tally tally = new Tally();
        try (BufferSupplier buffers = BufferSupplier.create()) {
            for (SealedSegment segment : segments) {
                for (ChunkEntry chunk : segment.footer().chunks()) {
                    ByteBuffer bytes = ByteBuffer.wrap(segment.bytes(), (int) chunk.chunkPosition(), (int) chunk.chunkLength()).slice();
                    readBatches(MemoryRecords.readableRecords(bytes), buffers, tally);
                }
            }
        }
        return tally;
    }

    private static void readBatches(MemoryRecords records, BufferSupplier buffers, Tally tally) {
        for (MutableRecordBatch batch : records.batches()) {
            batch.ensureValid();
            try (CloseableIterator<Record> it = batch.streamingIterator(buffers)) {
                while (it.hasNext()) {
                    Record r = it.next();
                    // Kafka's header values turn into arrays when first read, which Tally does.
                    tally.add(Utils.toNullableArray(r.key()), Utils.toNullableArray(r.value()), r.headers());
                }
            }
        }
    }
}
