package io.kafmirror.engine.testkit;

import io.kafmirror.kfs.catalog.CatalogEntry;
import io.kafmirror.kfs.catalog.CatalogChunk;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.format.KfsRecord;
import io.kafmirror.kfs.format.SegmentReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Reads back everything a backup stored of a topic, partition by partition, in offset order. */
public final class StoredRecords {

    private StoredRecords() {
    }

    /** Every stored record of {@code topic} (all generations), by partition, in the order segments were sealed. */
    public static Map<Integer, List<KfsRecord>> of(SegmentArchive archive, String cluster, String topic) {
        return read(archive, archive.catalog().segments(cluster, topic));
    }

    /** Every stored record of generation {@code topicId} of {@code topic}. */
    public static Map<Integer, List<KfsRecord>> of(SegmentArchive archive, String cluster, String topic, UUID topicId) {
        return read(archive, archive.catalog().segments(cluster, topic).stream()
                .filter(e -> e.topicId().equals(topicId)).toList());
    }

    /** Number of records the catalog lists for {@code topic}. */
    public static long count(SegmentArchive archive, String cluster, String topic) {
        return archive.catalog().segments(cluster, topic).stream()
                .flatMap(e -> e.chunks().stream())
                .mapToLong(CatalogChunk::recordCount)
                .sum();
    }

    private static Map<Integer, List<KfsRecord>> read(SegmentArchive archive, List<CatalogEntry> entries) {
        Map<Integer, List<KfsRecord>> records = new TreeMap<>();
        for (CatalogEntry entry : entries) {
            SegmentReader reader = archive.open(entry.key());
            for (CatalogChunk chunk : entry.chunks()) {
                records.computeIfAbsent(chunk.partition(), p -> new ArrayList<>())
                        .addAll(reader.readChunk(chunk.partition()));
            }
        }
        return records;
    }
}
