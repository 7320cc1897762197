package io.kafmirror.kfs.format;

import java.nio.ByteBuffer;

/**
 * The footer's 80-byte directory entry for one partition chunk.
 *
 * <pre>
 * PARTITION      0  4  int32 source partition
 * FIRST_OFFSET   4  8  int64 base offset of the first batch
 * LAST_OFFSET    12 8  int64 last offset of the last batch
 * RECORD_COUNT   20 8  int64 number of records (less than the offset span when offsets have gaps)
 * MIN_TIMESTAMP  28 8  int64 smallest record timestamp
 * MAX_TIMESTAMP  36 8  int64 largest record timestamp
 * CHUNK_POSITION 44 8  int64 absolute position of the chunk
 * CHUNK_LENGTH   52 8  int64 chunk length in bytes
 * CHUNK_CRC      60 4  CRC32C of the chunk bytes
 * INDEX_POSITION 64 8  int64 absolute position of the chunk's sparse index
 * INDEX_LENGTH   72 4  int32 index length in bytes (a multiple of 28)
 * INDEX_CRC      76 4  CRC32C of the index bytes
 * </pre>
 *
 * The offsets are the range the chunk's batches cover: the first and last records' offsets for
 * built batches, possibly wider for a source batch that compaction thinned out. The next offset to
 * read from the source after the chunk is {@code lastOffset + 1}.
 *
 * @param partition      source partition
 * @param firstOffset    base offset of the first batch, at or before the first record's offset
 * @param lastOffset     last offset of the last batch, at or after the last record's offset
 * @param recordCount    number of records
 * @param minTimestamp   smallest record timestamp
 * @param maxTimestamp   largest record timestamp
 * @param chunkPosition  absolute chunk position
 * @param chunkLength    chunk length
 * @param chunkCrc       CRC32C of the chunk
 * @param indexPosition  absolute index position
 * @param indexLength    index length
 * @param indexCrc       CRC32C of the index
 */
public record ChunkEntry(int partition, long firstOffset, long lastOffset, long recordCount, long minTimestamp,
                         long maxTimestamp, long chunkPosition, long chunkLength, int chunkCrc, long indexPosition,
                         int indexLength, int indexCrc) {

    static final int PARTITION_OFFSET = 0;
    static final int FIRST_OFFSET_OFFSET = PARTITION_OFFSET + 4;
    static final int LAST_OFFSET_OFFSET = FIRST_OFFSET_OFFSET + 8;
    static final int RECORD_COUNT_OFFSET = LAST_OFFSET_OFFSET + 8;
    static final int MIN_TIMESTAMP_OFFSET = RECORD_COUNT_OFFSET + 8;
    static final int MAX_TIMESTAMP_OFFSET = MIN_TIMESTAMP_OFFSET + 8;
    static final int CHUNK_POSITION_OFFSET = MAX_TIMESTAMP_OFFSET + 8;
    static final int CHUNK_LENGTH_OFFSET = CHUNK_POSITION_OFFSET + 8;
    static final int CHUNK_CRC_OFFSET = CHUNK_LENGTH_OFFSET + 8;
    static final int INDEX_POSITION_OFFSET = CHUNK_CRC_OFFSET + 4;
    static final int INDEX_LENGTH_OFFSET = INDEX_POSITION_OFFSET + 8;
    static final int INDEX_CRC_OFFSET = INDEX_LENGTH_OFFSET + 4;
    static final int LENGTH = INDEX_CRC_OFFSET + 4;

    void writeTo(ByteBuffer b) {
        b.putInt(partition).putLong(firstOffset).putLong(lastOffset).putLong(recordCount)
                .putLong(minTimestamp).putLong(maxTimestamp).putLong(chunkPosition).putLong(chunkLength)
                .putInt(chunkCrc).putLong(indexPosition).putInt(indexLength).putInt(indexCrc);
    }

    static ChunkEntry readFrom(ByteBuffer b) {
        return new ChunkEntry(b.getInt(), b.getLong(), b.getLong(), b.getLong(), b.getLong(), b.getLong(),
                b.getLong(), b.getLong(), b.getInt(), b.getLong(), b.getInt(), b.getInt());
    }

    /** Whether {@code offset} lies within this chunk's offset range (it may still be a gap). */
    public boolean covers(long offset) {
        return offset >= firstOffset && offset <= lastOffset;
    }
}
