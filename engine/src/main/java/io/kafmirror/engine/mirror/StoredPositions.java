package io.kafmirror.engine.mirror;

import io.kafmirror.kfs.catalog.CatalogChunk;
import io.kafmirror.kfs.catalog.CatalogEntry;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where mirroring of a topic resumes: the offset after the last stored one, per partition, counting
 * only segments of the topic's current generation (its topic ID). The catalog, and so the store, is
 * the only truth here: nothing committed to the source cluster is trusted.
 */
final class StoredPositions {

    private final Map<Integer, Long> nextOffsets;
    private final Optional<UUID> latestStoredGeneration;

    private StoredPositions(Map<Integer, Long> nextOffsets, Optional<UUID> latestStoredGeneration) {
        this.nextOffsets = nextOffsets;
        this.latestStoredGeneration = latestStoredGeneration;
    }

    /** The positions of generation {@code topicId} of {@code topic} as the catalog knows them. */
    static StoredPositions of(SegmentCatalog catalog, String cluster, String topic, UUID topicId) {
        List<CatalogEntry> entries = catalog.segments(cluster, topic);
        Map<Integer, Long> next = new HashMap<>();
        for (CatalogEntry entry : entries) {
            if (!entry.topicId().equals(topicId)) {
                continue;
            }
            for (CatalogChunk chunk : entry.chunks()) {
                next.merge(chunk.partition(), chunk.lastOffset() + 1, Math::max);
            }
        }
        Optional<UUID> latest = entries.stream()
                .max(Comparator.comparing(CatalogEntry::sealedAt).thenComparing(CatalogEntry::sequence))
                .map(CatalogEntry::topicId);
        return new StoredPositions(next, latest);
    }

    /** The first offset not yet stored of {@code partition}, if anything of it is stored. */
    Optional<Long> next(int partition) {
        return Optional.ofNullable(nextOffsets.get(partition));
    }

    /** The topic ID of the newest stored segment of this topic name, of whatever generation. */
    Optional<UUID> latestStoredGeneration() {
        return latestStoredGeneration;
    }
}
