package io.kafmirror.kfs.format;

import java.nio.ByteBuffer;

/**
 * One 28-byte entry of a chunk's sparse index, pointing at the start of a record batch.
 *
 * <pre>
 * OFFSET               0  8  int64 base offset of the batch that starts at POSITION
 * MAX_TIMESTAMP_SO_FAR 8  8  int64 largest record timestamp in the chunk before POSITION
 *                              (Long.MIN_VALUE for the first entry)
 * POSITION             16 8  int64 position of the batch, relative to the chunk start
 * INTERVAL_CRC         24 4  CRC32C of the chunk bytes from POSITION up to the next entry's
 *                              POSITION (or the chunk end)
 * </pre>
 *
 * @param offset           base offset of the batch at {@code position}
 * @param maxTimestampSoFar largest timestamp of any record before {@code position} in this chunk
 * @param position         batch start relative to the chunk start
 * @param intervalCrc      CRC32C of the bytes this entry covers
 */
record IndexEntry(long offset, long maxTimestampSoFar, long position, int intervalCrc) {

    static final int OFFSET_OFFSET = 0;
    static final int MAX_TIMESTAMP_SO_FAR_OFFSET = OFFSET_OFFSET + 8;
    static final int POSITION_OFFSET = MAX_TIMESTAMP_SO_FAR_OFFSET + 8;
    static final int INTERVAL_CRC_OFFSET = POSITION_OFFSET + 8;
    static final int LENGTH = INTERVAL_CRC_OFFSET + 4;

    void writeTo(ByteBuffer b) {
        b.putLong(offset).putLong(maxTimestampSoFar).putLong(position).putInt(intervalCrc);
    }

    static IndexEntry readFrom(ByteBuffer b) {
        return new IndexEntry(b.getLong(), b.getLong(), b.getLong(), b.getInt());
    }
}
