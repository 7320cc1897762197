package io.kafmirror.engine.mirror.fetch;

import io.kafmirror.kfs.format.KfsRecord;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MutableRecordBatch;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.RecordBatch;

/** Reads the batches a {@link SourceBatchFetcher} hands out back into records. */
final class FetchedRecords {

    private FetchedRecords() {
    }

    /** Polls {@code fetcher} until every partition of {@code ends} reached its end offset; the batches by partition. */
    static Map<Integer, List<ByteBuffer>> fetchToEnd(SourceBatchFetcher fetcher, Map<TopicPartition, Long> ends) {
        Map<Integer, List<ByteBuffer>> batches = new TreeMap<>();
        ends.keySet().forEach(tp -> batches.put(tp.partition(), new ArrayList<>()));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (ends.entrySet().stream().anyMatch(e -> fetcher.position(e.getKey()) < e.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not fetched to " + ends + " within 60 s");
            }
            FetchedBatches fetched = fetcher.poll(Duration.ofMillis(500));
            fetched.partitions().forEach(tp -> batches.get(tp.partition()).addAll(fetched.batches(tp)));
        }
        return batches;
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
                records.add(KfsRecord.copyOf(r, batch.timestampType()));
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
