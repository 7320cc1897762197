package io.kafmirror.engine.testkit;

import io.kafmirror.kfs.catalog.CatalogChunk;
import io.kafmirror.kfs.catalog.CatalogEntry;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.format.ChunkEntry;
import io.kafmirror.kfs.format.SegmentReader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MutableRecordBatch;

/** The Kafka record batches a backup stored of a topic, as bytes, by partition in offset order. */
public final class StoredBatchBytes {

    private StoredBatchBytes() {
    }

    /** Every stored batch of {@code topic}, each in a buffer of its own. */
    public static Map<Integer, List<ByteBuffer>> of(SegmentArchive archive, String cluster, String topic) {
        Map<Integer, List<ByteBuffer>> batches = new TreeMap<>();
        for (CatalogEntry entry : archive.catalog().segments(cluster, topic)) {
            SegmentReader reader = archive.open(entry.key());
            for (CatalogChunk chunk : entry.chunks()) {
                ChunkEntry placed = reader.footer().chunk(chunk.partition()).orElseThrow();
                byte[] bytes = archive.store().read(entry.key(), placed.chunkPosition(), (int) placed.chunkLength());
                List<ByteBuffer> partition = batches.computeIfAbsent(chunk.partition(), p -> new ArrayList<>());
                for (MutableRecordBatch batch : MemoryRecords.readableRecords(ByteBuffer.wrap(bytes)).batches()) {
                    ByteBuffer copy = ByteBuffer.allocate(batch.sizeInBytes());
                    batch.writeTo(copy);
                    partition.add(copy.flip());
                }
            }
        }
        return batches;
    }
}
