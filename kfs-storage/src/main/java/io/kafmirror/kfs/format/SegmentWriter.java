package io.kafmirror.kfs.format;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds one {@code .kfs} segment in memory: records of one topic, any of its partitions, each
 * partition in offset order. {@link #seal} lays out header, chunks, indexes, footer and trailer
 * as {@code docs/kfs-format.md} specifies. Not thread-safe; one writer per topic flush.
 */
public final class SegmentWriter {

    private final SegmentIdentity identity;
    private final SegmentWriterConfig config;
    private final Map<String, String> attributes;
    private final TreeMap<Integer, ChunkBuilder> chunks = new TreeMap<>();
    private long recordCount;
    private boolean sealed;

    /** A writer for {@code identity}'s next segment; {@code attributes} go into the footer as they are. */
    public SegmentWriter(SegmentIdentity identity, SegmentWriterConfig config, Map<String, String> attributes) {
        this.identity = identity;
        this.config = config;
        this.attributes = Map.copyOf(attributes);
    }

    /** A writer with no footer attributes. */
    public SegmentWriter(SegmentIdentity identity, SegmentWriterConfig config) {
        this(identity, config, Map.of());
    }

    /** Adds a record of {@code partition}; offsets of a partition must increase (gaps are fine). */
    public void append(int partition, KfsRecord record) {
        if (sealed) {
            throw new IllegalStateException("Segment already sealed");
        }
        if (partition < 0) {
            throw new IllegalArgumentException("Partition must not be negative, was " + partition);
        }
        chunks.computeIfAbsent(partition, p -> new ChunkBuilder(p, config)).append(record);
        recordCount++;
    }

    /** Approximate size of the segment so far, for flush decisions. */
    public long bufferedBytes() {
        long n = 0;
        for (ChunkBuilder c : chunks.values()) {
            n += c.bufferedBytes();
        }
        return n;
    }

    /** Records appended so far. */
    public long recordCount() {
        return recordCount;
    }

    /** Seals the segment with {@code createdAtMillis} as its creation time; the writer takes no more records. */
    public SealedSegment seal(long createdAtMillis) {
        if (recordCount == 0) {
            throw new IllegalStateException("Nothing to seal: a segment holds at least one record");
        }
        sealed = true;
        chunks.values().forEach(ChunkBuilder::finish);

        long chunkBytes = 0;
        for (ChunkBuilder c : chunks.values()) {
            chunkBytes += c.bytes().size();
        }
        GrowableBytes out = new GrowableBytes((int) Math.min(Integer.MAX_VALUE - 16,
                SegmentHeader.LENGTH + chunkBytes + 64L * 1024));
        out.write(SegmentHeader.encode());
        List<Long> chunkPositions = new ArrayList<>();
        for (ChunkBuilder c : chunks.values()) {
            chunkPositions.add((long) out.size());
            out.write(ByteBuffer.wrap(c.bytes().array(), 0, c.bytes().size()));
        }
        List<ChunkEntry> entries = new ArrayList<>();
        long minTimestamp = Long.MAX_VALUE;
        long maxTimestamp = Long.MIN_VALUE;
        int i = 0;
        for (ChunkBuilder c : chunks.values()) {
            byte[] index = c.index().encode();
            ChunkEntry entry = c.entry(chunkPositions.get(i++), out.size(), index);
            out.write(index);
            entries.add(entry);
            minTimestamp = Math.min(minTimestamp, entry.minTimestamp());
            maxTimestamp = Math.max(maxTimestamp, entry.maxTimestamp());
        }
        SegmentFooter footer = new SegmentFooter(identity, createdAtMillis, config.codec(), recordCount,
                minTimestamp, maxTimestamp, attributes, entries);
        byte[] footerBytes = footer.encode();
        long footerPosition = out.size();
        out.write(footerBytes);
        long objectLength = out.size() + (long) SegmentTrailer.LENGTH;
        out.write(new SegmentTrailer(footerPosition, footerBytes.length,
                Crc32c.of(footerBytes, 0, footerBytes.length), objectLength).encode());

        byte[] bytes = out.size() == out.array().length ? out.array() : Arrays.copyOf(out.array(), out.size());
        return new SealedSegment(bytes, footer, Sha256.hex(bytes));
    }
}
