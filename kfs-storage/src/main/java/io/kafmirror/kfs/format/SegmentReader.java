package io.kafmirror.kfs.format;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.zip.CRC32C;

/**
 * Reads a {@code .kfs} segment through ranged reads: one read of the tail finds the trailer and
 * footer; a partition's index and batches are read only when asked for. Every read is checked
 * against a CRC32C before it is decoded; a failure is a {@link CorruptSegmentException}, never
 * wrong data.
 */
public final class SegmentReader {

    /** One ranged read of this size at the end usually holds trailer and footer together. */
    static final int TAIL_READ = 64 * 1024;
    /** The largest ranged read of {@link #cutAfter}: a chunk's start up to its time cut, in one read up to this size. */
    static final int CUT_READ_LIMIT = 64 * 1024 * 1024;

    private final SegmentSource source;
    private final SegmentTrailer trailer;
    private final SegmentFooter footer;
    private final Map<Integer, ChunkIndex> indexes = new HashMap<>();

    private SegmentReader(SegmentSource source, SegmentTrailer trailer, SegmentFooter footer) {
        this.source = source;
        this.trailer = trailer;
        this.footer = footer;
    }

    /** Opens a segment by reading its trailer and footer. */
    public static SegmentReader open(SegmentSource source) {
        long size = source.size();
        int tailLength = (int) Math.min(size, TAIL_READ);
        byte[] tail = source.read(size - tailLength, tailLength);
        SegmentTrailer trailer = SegmentTrailer.decode(source.name(), tail, size);
        long tailStart = size - tailLength;
        byte[] footerBytes = trailer.footerPosition() >= tailStart
                ? slice(tail, (int) (trailer.footerPosition() - tailStart), trailer.footerLength())
                : source.read(trailer.footerPosition(), trailer.footerLength());
        int crc = Crc32c.of(footerBytes, 0, footerBytes.length);
        if (crc != trailer.footerCrc()) {
            throw new CorruptSegmentException(source.name(), "footer", trailer.footerPosition(),
                    "CRC32C mismatch: stored " + Crc32c.hex(trailer.footerCrc()) + ", computed " + Crc32c.hex(crc));
        }
        SegmentFooter footer = SegmentFooter.decode(source.name(), footerBytes, trailer.footerPosition());
        new SegmentLayout(source.name(), trailer, footer).check();
        return new SegmentReader(source, trailer, footer);
    }

    /** The footer: identity, statistics and the chunk directory. */
    public SegmentFooter footer() {
        return footer;
    }

    /** The object's name, for messages. */
    public String name() {
        return source.name();
    }

    /** Every record of {@code partition}, reading and checking its whole chunk; empty if the segment has none. */
    public List<KfsRecord> readChunk(int partition) {
        ChunkEntry chunk = footer.chunk(partition).orElse(null);
        if (chunk == null) {
            return List.of();
        }
        byte[] bytes = readChecked(chunk);
        BatchDecoder decoder = decoder(chunk);
        List<KfsRecord> records = new ArrayList<>();
        List<BatchDecoder.PositionedBatch> batches = decoder.batches(bytes, 0, bytes.length, 0);
        for (BatchDecoder.PositionedBatch b : batches) {
            records.addAll(decoder.records(b));
        }
        new ChunkStatistics(chunk, decoder).check(batches, records);
        return records;
    }

    /** Records of {@code partition} from {@code fromOffset} on, read lazily in index intervals. */
    public Iterator<KfsRecord> read(int partition, long fromOffset) {
        ChunkEntry chunk = footer.chunk(partition).orElse(null);
        if (chunk == null || fromOffset > chunk.lastOffset()) {
            return Collections.emptyIterator();
        }
        ChunkIndex index = index(chunk);
        BatchDecoder decoder = decoder(chunk);
        ChunkCursor cursor = new ChunkCursor(source, chunk, index, decoder, index.floorForOffset(fromOffset));
        return new Iterator<>() {
            private Iterator<KfsRecord> current = Collections.emptyIterator();
            private KfsRecord next;

            @Override
            public boolean hasNext() {
                while (next == null) {
                    if (current.hasNext()) {
                        KfsRecord r = current.next();
                        if (r.offset() >= fromOffset) {
                            next = r;
                        }
                    } else if (cursor.hasNext()) {
                        BatchDecoder.PositionedBatch b = cursor.next();
                        if (b.batch().lastOffset() >= fromOffset) {
                            current = decoder.records(b).iterator();
                        }
                    } else {
                        return false;
                    }
                }
                return true;
            }

            @Override
            public KfsRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                KfsRecord r = next;
                next = null;
                return r;
            }
        };
    }

    /**
     * The offset of the first record of {@code partition}, in offset order, whose timestamp is at
     * or after {@code timestamp} (Kafka's {@code offsetsForTimes} rule); empty when there is none.
     */
    public OptionalLong offsetForTimestamp(int partition, long timestamp) {
        ChunkEntry chunk = footer.chunk(partition).orElse(null);
        if (chunk == null || chunk.maxTimestamp() < timestamp) {
            return OptionalLong.empty();
        }
        ChunkIndex index = index(chunk);
        BatchDecoder decoder = decoder(chunk);
        ChunkCursor cursor = new ChunkCursor(source, chunk, index, decoder, index.floorForTimestamp(timestamp));
        while (cursor.hasNext()) {
            BatchDecoder.PositionedBatch b = cursor.next();
            if (b.batch().maxTimestamp() >= timestamp) {
                for (KfsRecord r : decoder.records(b)) {
                    if (r.timestamp() >= timestamp) {
                        return OptionalLong.of(r.offset());
                    }
                }
            }
        }
        throw decoder.corrupt(chunk.chunkPosition(), "the directory says the chunk reaches timestamp " + chunk.maxTimestamp()
                + " but no batch does");
    }

    /**
     * Where {@code partition}'s chunk stops being at or before {@code timestamp}: its first record, in offset order,
     * later than {@code timestamp}, and the records before it; empty when none is later. Where the chunk's offsets have
     * holes, the records before the cut are counted from the batch headers from the chunk's start, read together with the
     * batch holding the cut in one ranged read (up to {@link #CUT_READ_LIMIT}): counting costs no request more than
     * finding the cut, and no decompression.
     */
    public Optional<TimeCut> cutAfter(int partition, long timestamp) {
        ChunkEntry chunk = footer.chunk(partition).orElse(null);
        if (chunk == null || chunk.maxTimestamp() <= timestamp) {
            return Optional.empty();
        }
        ChunkIndex index = index(chunk);
        int cutEntry = index.floorForTimestamp(timestamp + 1);
        boolean contiguous = chunk.lastOffset() - chunk.firstOffset() + 1 == chunk.recordCount();
        int startEntry = contiguous ? cutEntry : 0;
        long span = index.entries().get(cutEntry).position() + index.intervalLength(cutEntry)
                - index.entries().get(startEntry).position();
        BatchDecoder decoder = decoder(chunk);
        ChunkCursor cursor = new ChunkCursor(source, chunk, index, decoder, startEntry,
                Math.min(CUT_READ_LIMIT, Math.max(ChunkCursor.READ_WINDOW, span)));
        long before = 0;
        while (cursor.hasNext()) {
            BatchDecoder.PositionedBatch b = cursor.next();
            if (b.batch().maxTimestamp() <= timestamp) {
                // A v2 batch header carries its record count: no need to decompress the records.
                before += b.batch().countOrNull();
                continue;
            }
            for (KfsRecord r : decoder.records(b)) {
                if (r.timestamp() > timestamp) {
                    return Optional.of(new TimeCut(r.offset(), contiguous ? r.offset() - chunk.firstOffset() : before));
                }
                before++;
            }
        }
        throw decoder.corrupt(chunk.chunkPosition(), "the directory says the chunk reaches timestamp " + chunk.maxTimestamp()
                + " but no batch is later than " + timestamp);
    }

    SegmentTrailer trailer() {
        return trailer;
    }

    SegmentSource source() {
        return source;
    }

    ChunkIndex index(ChunkEntry chunk) {
        return indexes.computeIfAbsent(chunk.partition(),
                p -> ChunkIndex.decode(source.name(), chunk, source.read(chunk.indexPosition(), chunk.indexLength())));
    }

    BatchDecoder decoder(ChunkEntry chunk) {
        return new BatchDecoder(source.name(), chunk, footer.codec(), trailer.flags());
    }

    /** The whole chunk, after its CRC32C matched. */
    byte[] readChecked(ChunkEntry chunk) {
        byte[] bytes = source.read(chunk.chunkPosition(), (int) chunk.chunkLength());
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length);
        if ((int) crc.getValue() != chunk.chunkCrc()) {
            throw new CorruptSegmentException(source.name(), "chunk of partition " + chunk.partition(), chunk.chunkPosition(),
                    "CRC32C mismatch: stored " + Crc32c.hex(chunk.chunkCrc()) + ", computed " + Crc32c.hex((int) crc.getValue()));
        }
        return bytes;
    }

    private static byte[] slice(byte[] bytes, int from, int length) {
        byte[] out = new byte[length];
        System.arraycopy(bytes, from, out, 0, length);
        return out;
    }
}
