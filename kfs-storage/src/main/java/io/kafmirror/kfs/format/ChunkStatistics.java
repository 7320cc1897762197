package io.kafmirror.kfs.format;

import java.util.List;

/** Compares the records decoded from a whole chunk with what its directory entry claims. */
final class ChunkStatistics {

    private final ChunkEntry chunk;
    private final BatchDecoder decoder;

    ChunkStatistics(ChunkEntry chunk, BatchDecoder decoder) {
        this.chunk = chunk;
        this.decoder = decoder;
    }

    void check(List<KfsRecord> records) {
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
        boolean matches = records.size() == chunk.recordCount()
                && !records.isEmpty()
                && records.get(0).offset() == chunk.firstOffset()
                && previous == chunk.lastOffset()
                && min == chunk.minTimestamp()
                && max == chunk.maxTimestamp();
        if (!matches) {
            throw decoder.corrupt(chunk.chunkPosition(), "decoded " + records.size() + " records, offsets "
                    + (records.isEmpty() ? "-" : records.get(0).offset() + ".." + previous) + ", timestamps " + min + ".." + max
                    + " but the directory says " + chunk.recordCount() + " records, offsets " + chunk.firstOffset() + ".."
                    + chunk.lastOffset() + ", timestamps " + chunk.minTimestamp() + ".." + chunk.maxTimestamp());
        }
    }
}
