package io.kafmirror.kfs.catalog;

import io.kafmirror.kfs.format.SegmentCodec;
import io.kafmirror.kfs.format.SegmentFooter;
import io.kafmirror.kfs.store.ObjectRetention;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One stored segment as the catalog knows it.
 *
 * @param key          the store key
 * @param cluster      source cluster
 * @param topic        source topic
 * @param topicId      source topic id (a recreated topic has a new one)
 * @param writerId     the writer that sealed it
 * @param sequence     the writer's segment counter
 * @param sealedAt     seal time
 * @param codec        batch compression
 * @param size         object size in bytes
 * @param sha256       lower-case hex SHA-256 of the object
 * @param recordCount  records in all chunks
 * @param minTimestamp smallest record timestamp
 * @param maxTimestamp largest record timestamp
 * @param retention    the Object Lock retention it was written with
 * @param legalHold    whether it was written under legal hold
 * @param chunks       its partition chunks, in partition order
 */
public record CatalogEntry(String key, String cluster, String topic, UUID topicId, String writerId, long sequence,
                           Instant sealedAt, SegmentCodec codec, long size, String sha256, long recordCount,
                           long minTimestamp, long maxTimestamp, ObjectRetention retention, boolean legalHold,
                           List<CatalogChunk> chunks) {

    public CatalogEntry {
        chunks = List.copyOf(chunks);
    }

    /** The entry for a segment stored under {@code key}, described by its footer. */
    public static CatalogEntry of(String key, SegmentFooter footer, long size, String sha256, ObjectRetention retention,
                                  boolean legalHold) {
        var id = footer.identity();
        return new CatalogEntry(key, id.sourceCluster(), id.topic(), id.topicId(), id.writerId(), id.writerSequence(),
                Instant.ofEpochMilli(footer.createdAt()), footer.codec(), size, sha256, footer.recordCount(),
                footer.minTimestamp(), footer.maxTimestamp(), retention, legalHold,
                footer.chunks().stream().map(CatalogChunk::of).toList());
    }
}
