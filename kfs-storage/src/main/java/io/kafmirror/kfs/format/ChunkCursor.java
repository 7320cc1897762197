package io.kafmirror.kfs.format;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.zip.CRC32C;

/**
 * Walks the batches of one chunk from an index entry onwards with ranged reads. Each read covers
 * whole index intervals, and every interval's CRC32C is checked before its batches are decoded,
 * so a ranged read verifies every byte it returns without reading the whole chunk.
 */
final class ChunkCursor implements Iterator<BatchDecoder.PositionedBatch> {

    /** Ranged reads gather index intervals up to this size, to keep the number of GETs low. */
    static final int READ_WINDOW = 1024 * 1024;

    private final SegmentSource source;
    private final ChunkEntry chunk;
    private final ChunkIndex index;
    private final BatchDecoder decoder;
    private final Deque<BatchDecoder.PositionedBatch> ready = new ArrayDeque<>();
    private final long readWindow;
    private int nextEntry;

    /** A cursor from index entry {@code startEntry} reading up to {@link #READ_WINDOW} at a time. */
    ChunkCursor(SegmentSource source, ChunkEntry chunk, ChunkIndex index, BatchDecoder decoder, int startEntry) {
        this(source, chunk, index, decoder, startEntry, READ_WINDOW);
    }

    /** A cursor from index entry {@code startEntry} whose ranged reads gather intervals up to {@code readWindow} bytes. */
    ChunkCursor(SegmentSource source, ChunkEntry chunk, ChunkIndex index, BatchDecoder decoder, int startEntry, long readWindow) {
        this.source = source;
        this.chunk = chunk;
        this.index = index;
        this.decoder = decoder;
        this.nextEntry = startEntry;
        this.readWindow = readWindow;
    }

    @Override
    public boolean hasNext() {
        while (ready.isEmpty() && nextEntry < index.entries().size()) {
            readWindow();
        }
        return !ready.isEmpty();
    }

    @Override
    public BatchDecoder.PositionedBatch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.removeFirst();
    }

    private void readWindow() {
        int first = nextEntry;
        long length = index.intervalLength(first);
        int last = first;
        while (last + 1 < index.entries().size() && length + index.intervalLength(last + 1) <= readWindow) {
            last++;
            length += index.intervalLength(last);
        }
        if (length > Integer.MAX_VALUE - 16) {
            throw decoder.corrupt(chunk.chunkPosition() + index.entries().get(first).position(), "index interval of " + length + " bytes is too large to read");
        }
        long start = index.entries().get(first).position();
        byte[] bytes = source.read(chunk.chunkPosition() + start, (int) length);
        int at = 0;
        for (int e = first; e <= last; e++) {
            IndexEntry entry = index.entries().get(e);
            int intervalLength = (int) index.intervalLength(e);
            checkInterval(entry, bytes, at, intervalLength);
            var batches = decoder.batches(bytes, at, intervalLength, entry.position());
            if (batches.get(0).batch().baseOffset() != entry.offset()) {
                throw decoder.corrupt(chunk.chunkPosition() + entry.position(), "index entry says offset " + entry.offset()
                        + " but the batch there starts at " + batches.get(0).batch().baseOffset());
            }
            ready.addAll(batches);
            at += intervalLength;
        }
        nextEntry = last + 1;
    }

    private void checkInterval(IndexEntry entry, byte[] bytes, int from, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, from, length);
        if ((int) crc.getValue() != entry.intervalCrc()) {
            throw decoder.corrupt(chunk.chunkPosition() + entry.position(), "CRC32C mismatch over the " + length
                    + " bytes of the index interval starting at offset " + entry.offset() + ": stored " + Crc32c.hex(entry.intervalCrc()) + ", computed " + Crc32c.hex((int) crc.getValue()));
        }
    }
}
