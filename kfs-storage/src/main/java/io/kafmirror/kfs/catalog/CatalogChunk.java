package io.kafmirror.kfs.catalog;

import io.kafmirror.kfs.format.ChunkEntry;

/**
 * What the catalog keeps of one partition chunk of a segment.
 *
 * @param partition    source partition
 * @param firstOffset  first offset it covers, at or before its first record's (see {@link ChunkEntry})
 * @param lastOffset   last offset it covers, at or after its last record's
 * @param recordCount  number of records
 * @param minTimestamp smallest record timestamp
 * @param maxTimestamp largest record timestamp
 * @param bytes        chunk size in the segment (compressed)
 */
public record CatalogChunk(int partition, long firstOffset, long lastOffset, long recordCount, long minTimestamp,
                           long maxTimestamp, long bytes) {

    /** The catalog view of a footer's directory entry. */
    public static CatalogChunk of(ChunkEntry c) {
        return new CatalogChunk(c.partition(), c.firstOffset(), c.lastOffset(), c.recordCount(), c.minTimestamp(),
                c.maxTimestamp(), c.chunkLength());
    }
}
