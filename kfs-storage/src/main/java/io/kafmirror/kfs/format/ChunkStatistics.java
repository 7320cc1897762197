package io.kafmirror.kfs.format;

import java.util.List;

/**
 * Compares the batches and records decoded from a whole chunk with what its directory entry
 * claims: the offset range is the one its batches cover (a compacted source batch may cover
 * offsets beyond its records), count and timestamps are exact over the records.
 */
final class ChunkStatistics {

    private final ChunkEntry chunk;
    private final BatchDecoder decoder;

    ChunkStatistics(ChunkEntry chunk, BatchDecoder decoder) {
        this.chunk = chunk;
        this.decoder = decoder;
    }

    void check(List<BatchDecoder.PositionedBatch> batches, List<KfsRecord> records) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        long previous = -1;
        for (KfsRecord r : records) {
            if (r.offset() <= previous) {
                throw decoder.corrupt(chunk.chunkPosition(), "record offset " + r.offset() + " follows " + previous);
            }
            previous = r.offset();
            min = Math.min(min, r.timestamp());
            max = Math.max(max, r.timestamp());
        }
        long first = batches.isEmpty() ? -1 : batches.get(0).batch().baseOffset();
        long last = batches.isEmpty() ? -1 : batches.get(batches.size() - 1).batch().lastOffset();
        boolean matches = records.size() == chunk.recordCount()
                && !records.isEmpty()
                && first == chunk.firstOffset()
                && last == chunk.lastOffset()
                && min == chunk.minTimestamp()
                && max == chunk.maxTimestamp();
        if (!matches) {
            throw decoder.corrupt(chunk.chunkPosition(), "decoded " + records.size() + " records in batches covering offsets "
                    + first + ".." + last + ", timestamps " + min + ".." + max
                    + " but the directory says " + chunk.recordCount() + " records, offsets " + chunk.firstOffset() + ".."
                    + chunk.lastOffset() + ", timestamps " + chunk.minTimestamp() + ".." + chunk.maxTimestamp());
        }
    }
}
