package io.kafmirror.engine.mirror.fetch;

import io.kafmirror.kfs.format.KfsRecord;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MutableRecordBatch;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.utils.Utils;

/** Reads fetched batches back into records, as a consumer returns them. */
final class FetchedRecords {

    private FetchedRecords() {
    }

    /** The single batch {@code buffer} holds; fails if it holds anything else. */
    static RecordBatch onlyBatch(ByteBuffer buffer) {
        List<MutableRecordBatch> batches = new ArrayList<>();
        MemoryRecords.readableRecords(buffer.duplicate()).batches().forEach(batches::add);
        if (batches.size() != 1 || batches.get(0).sizeInBytes() != buffer.remaining()) {
            throw new AssertionError("Expected exactly one batch in " + buffer.remaining() + " bytes, found " + batches.size());
        }
        return batches.get(0);
    }

    /** The records of {@code buffers}, one batch each, as a consumer returns them. */
    static List<KfsRecord> records(Collection<ByteBuffer> buffers) {
        List<KfsRecord> records = new ArrayList<>();
        for (ByteBuffer buffer : buffers) {
            RecordBatch batch = onlyBatch(buffer);
            for (Record r : batch) {
                records.add(new KfsRecord(r.offset(), r.timestamp(), batch.timestampType(), Utils.toNullableArray(r.key()),
                        Utils.toNullableArray(r.value()), r.headers()));
            }
        }
        return records;
    }

    /** {@link #records} of each partition. */
    static Map<Integer, List<KfsRecord>> records(Map<Integer, List<ByteBuffer>> byPartition) {
        Map<Integer, List<KfsRecord>> records = new TreeMap<>();
        byPartition.forEach((p, buffers) -> records.put(p, records(buffers)));
        return records;
    }
}
