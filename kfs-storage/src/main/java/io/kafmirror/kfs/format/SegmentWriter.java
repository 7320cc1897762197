package io.kafmirror.kfs.format;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.utils.internals.BufferSupplier;

/**
 * Builds one {@code .kfs} segment in memory: records of one topic, any of its partitions, each
 * partition in offset order, given one by one or as whole record batches the source served,
 * which are stored byte for byte. {@link #seal} lays out header, chunks, indexes, footer and
 * trailer as {@code docs/kfs-format.md} specifies, with the {@code SOURCE_BATCHES} flag only if a
 * source batch was appended. Not thread-safe; one writer per topic flush.
 */
public final class SegmentWriter {

    /** The largest object a writer builds: one Java array. */
    static final long MAX_LENGTH = Integer.MAX_VALUE - 16;

    private final SegmentIdentity identity;
    private final SegmentWriterConfig config;
    private final Map<String, String> attributes;
    private final TreeMap<Integer, ChunkBuilder> chunks = new TreeMap<>();
    // Reused across source batches, so measuring them does not allocate decompression buffers per batch.
    private final BufferSupplier decompression = BufferSupplier.create();
    private boolean sourceBatches;
    private long recordCount;
    private long bufferedBytes;
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
        checkOpen(partition);
        ChunkBuilder chunk = chunk(partition);
        long before = chunk.bufferedBytes();
        chunk.append(record);
        // Kept as a running total because callers ask after every record, and a topic may have hundreds of partitions.
        bufferedBytes += chunk.bufferedBytes() - before;
        recordCount++;
    }

    /** Adds one whole Kafka v2 record batch of {@code partition}, the buffer's remaining bytes, to be stored byte for byte. */
    public void appendBatch(int partition, ByteBuffer batch) {
        checkOpen(partition);
        // Checked before the partition gets a chunk, so a refused batch leaves no empty chunk behind.
        SourceBatch source = SourceBatch.of(partition, batch, decompression);
        ChunkBuilder chunk = chunk(partition);
        long before = chunk.bufferedBytes();
        chunk.append(source);
        bufferedBytes += chunk.bufferedBytes() - before;
        recordCount += source.recordCount();
        sourceBatches = true;
    }

    private void checkOpen(int partition) {
        if (sealed) {
            throw new IllegalStateException("Segment already sealed");
        }
        if (partition < 0) {
            throw new IllegalArgumentException("Partition must not be negative, was " + partition);
        }
    }

    private ChunkBuilder chunk(int partition) {
        return chunks.computeIfAbsent(partition, p -> new ChunkBuilder(p, config));
    }

    /** Approximate size of the segment so far, for flush decisions. */
    public long bufferedBytes() {
        return bufferedBytes;
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

        // Lay the object out first, so that it is written once, into an array of its exact length.
        List<Long> chunkPositions = new ArrayList<>();
        long position = SegmentHeader.LENGTH;
        for (ChunkBuilder c : chunks.values()) {
            chunkPositions.add(position);
            position += c.length();
        }
        List<ChunkEntry> entries = new ArrayList<>();
        List<byte[]> indexes = new ArrayList<>();
        long minTimestamp = Long.MAX_VALUE;
        long maxTimestamp = Long.MIN_VALUE;
        int i = 0;
        for (ChunkBuilder c : chunks.values()) {
            byte[] index = c.index().encode();
            ChunkEntry entry = c.entry(chunkPositions.get(i++), position, index);
            position += index.length;
            indexes.add(index);
            entries.add(entry);
            minTimestamp = Math.min(minTimestamp, entry.minTimestamp());
            maxTimestamp = Math.max(maxTimestamp, entry.maxTimestamp());
        }
        SegmentFooter footer = new SegmentFooter(identity, createdAtMillis, config.codec(), recordCount,
                minTimestamp, maxTimestamp, attributes, entries);
        byte[] footerBytes = footer.encode();
        long footerPosition = position;
        long objectLength = footerPosition + footerBytes.length + SegmentTrailer.LENGTH;
        if (objectLength > MAX_LENGTH) {
            throw tooLarge();
        }

        ByteBuffer out = ByteBuffer.allocate((int) objectLength);
        SegmentFlags flags = sourceBatches ? SegmentFlags.WITH_SOURCE_BATCHES : SegmentFlags.NONE;
        out.put(SegmentHeader.encode(flags));
        chunks.values().forEach(c -> c.writeTo(out));
        indexes.forEach(out::put);
        out.put(footerBytes);
        out.put(new SegmentTrailer(footerPosition, footerBytes.length,
                Crc32c.of(footerBytes, 0, footerBytes.length), objectLength, flags).encode());
        return new SealedSegment(out.array(), footer);
    }

    /** The error of a segment that outgrew {@link #MAX_LENGTH}. */
    static IllegalStateException tooLarge() {
        return new IllegalStateException("A segment must stay under 2 GiB; seal it earlier (flush max bytes)");
    }
}
