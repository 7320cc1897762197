package io.kafmirror.kfs.format;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The sparse index of one chunk: {@link IndexEntry entries} in position order, the first at
 * position 0. Writers add an entry at a batch boundary whenever at least the index interval of
 * bytes has passed since the previous one; readers accept any such sampling.
 *
 * <p>Because {@code maxTimestampSoFar} never decreases, both lookups are binary searches, and the
 * time lookup stays exact when CreateTime timestamps go backwards inside the chunk.
 */
final class ChunkIndex {

    private final List<IndexEntry> entries;
    private final long chunkLength;

    ChunkIndex(List<IndexEntry> entries, long chunkLength) {
        this.entries = List.copyOf(entries);
        this.chunkLength = chunkLength;
    }

    List<IndexEntry> entries() {
        return entries;
    }

    /** Number of chunk bytes entry {@code i} covers. */
    long intervalLength(int i) {
        long end = i + 1 < entries.size() ? entries.get(i + 1).position() : chunkLength;
        return end - entries.get(i).position();
    }

    /** Index of the last entry whose batch starts at or before {@code offset}; 0 if none does. */
    int floorForOffset(long offset) {
        int lo = 0;
        int hi = entries.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (entries.get(mid).offset() <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /**
     * Index of the last entry before which no record has a timestamp of {@code timestamp} or more:
     * the first record at or after {@code timestamp} lies at or after that entry.
     */
    int floorForTimestamp(long timestamp) {
        int lo = 0;
        int hi = entries.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (entries.get(mid).maxTimestampSoFar() < timestamp) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(entries.size() * IndexEntry.LENGTH);
        entries.forEach(e -> e.writeTo(b));
        return b.array();
    }

    /** Decodes and checks an index read from {@code position} of the object for chunk {@code chunk}. */
    static ChunkIndex decode(String objectName, ChunkEntry chunk, byte[] bytes) {
        String part = "index of partition " + chunk.partition();
        int crc = Crc32c.of(bytes, 0, bytes.length);
        if (crc != chunk.indexCrc()) {
            throw new CorruptSegmentException(objectName, part, chunk.indexPosition(),
                    "CRC32C mismatch: stored " + Crc32c.hex(chunk.indexCrc()) + ", computed " + Crc32c.hex(crc));
        }
        if (bytes.length == 0 || bytes.length % IndexEntry.LENGTH != 0) {
            throw new CorruptSegmentException(objectName, part, chunk.indexPosition(),
                    "length " + bytes.length + " is not a positive multiple of " + IndexEntry.LENGTH);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        List<IndexEntry> entries = new ArrayList<>(bytes.length / IndexEntry.LENGTH);
        while (b.hasRemaining()) {
            IndexEntry e = IndexEntry.readFrom(b);
            IndexEntry previous = entries.isEmpty() ? null : entries.get(entries.size() - 1);
            boolean ordered = previous == null
                    ? e.position() == 0 && e.offset() == chunk.firstOffset()
                    : e.position() > previous.position() && e.offset() > previous.offset()
                            && e.maxTimestampSoFar() >= previous.maxTimestampSoFar();
            if (!ordered || e.position() >= chunk.chunkLength() || e.offset() > chunk.lastOffset()) {
                throw new CorruptSegmentException(objectName, part, chunk.indexPosition() + (long) entries.size() * IndexEntry.LENGTH,
                        "entry " + entries.size() + " " + e + " is out of order or outside the chunk");
            }
            entries.add(e);
        }
        return new ChunkIndex(entries, chunk.chunkLength());
    }
}
