package io.kafmirror.engine.restore;

import io.kafmirror.kfs.catalog.CatalogChunk;
import io.kafmirror.kfs.catalog.CatalogEntry;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.format.KfsRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** One partition chunk of a stored segment, as the catalog lists it. */
record StoredChunk(String key, CatalogChunk chunk) {

    /** The chunks of generation {@code topicId} among {@code segments}, by partition, each partition's in offset order. */
    static Map<Integer, List<StoredChunk>> byPartition(List<CatalogEntry> segments, UUID topicId) {
        Map<Integer, List<StoredChunk>> partitions = new TreeMap<>();
        for (CatalogEntry e : segments) {
            if (e.topicId().equals(topicId)) {
                for (CatalogChunk c : e.chunks()) {
                    partitions.computeIfAbsent(c.partition(), p -> new ArrayList<>()).add(new StoredChunk(e.key(), c));
                }
            }
        }
        partitions.values().forEach(chunks -> chunks.sort(Comparator.comparingLong(c -> c.chunk().firstOffset())));
        return partitions;
    }

    /** Whether the chunk's offsets have no holes, so a count follows from offsets alone. */
    private boolean contiguous() {
        return chunk.lastOffset() - chunk.firstOffset() + 1 == chunk.recordCount();
    }

    /**
     * Records of this chunk with offsets from {@code start} up to, not including, {@code end}, none with a timestamp
     * before {@code lowestTimestamp}: from the catalog when the range covers the chunk or the chunk has no holes and no
     * record that early, else by reading the chunk from {@code start} up to {@code end}.
     */
    long records(SegmentArchive archive, long start, long end, long lowestTimestamp) {
        long from = Math.max(start, chunk.firstOffset());
        long to = Math.min(end, chunk.lastOffset() + 1);
        if (to <= from) {
            return 0;
        }
        boolean noneTooEarly = chunk.minTimestamp() >= lowestTimestamp;
        if (noneTooEarly && from == chunk.firstOffset() && to == chunk.lastOffset() + 1) {
            return chunk.recordCount();
        }
        if (noneTooEarly && contiguous()) {
            return to - from;
        }
        long n = 0;
        for (Iterator<KfsRecord> it = archive.open(key).read(chunk.partition(), from); it.hasNext(); ) {
            KfsRecord r = it.next();
            if (r.offset() >= to) {
                break;
            }
            if (r.timestamp() >= lowestTimestamp) {
                n++;
            }
        }
        return n;
    }
}
