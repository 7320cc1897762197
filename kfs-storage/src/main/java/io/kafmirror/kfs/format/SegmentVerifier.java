package io.kafmirror.kfs.format;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads a whole segment and checks everything: header, trailer and footer, that header and trailer
 * carry the same flags, every chunk CRC, every batch CRC, every index entry against the batches it
 * points at, the directory statistics against the decoded records, and computes the object's
 * SHA-256 for comparison with the catalog.
 */
public final class SegmentVerifier {

    private SegmentVerifier() {
    }

    /** Verifies {@code source} completely; throws {@link CorruptSegmentException} at the first problem. */
    public static VerifiedSegment verify(SegmentSource source) {
        SegmentReader reader = SegmentReader.open(source);
        MessageDigest digest = Sha256.digest();
        byte[] header = source.read(0, SegmentHeader.LENGTH);
        SegmentFlags flags = SegmentHeader.verify(source.name(), header);
        if (!flags.equals(reader.trailer().flags())) {
            // The header's flags are under its CRC, the trailer's are not: the trailer is the one that changed.
            throw new CorruptSegmentException(source.name(), "trailer", source.size() - SegmentTrailer.LENGTH + SegmentTrailer.FLAGS_OFFSET,
                    "flags " + reader.trailer().flags() + " differ from the header's " + flags);
        }
        digest.update(header);
        List<byte[]> indexBytes = new ArrayList<>();
        for (ChunkEntry chunk : reader.footer().chunks()) {
            byte[] bytes = reader.readChecked(chunk);
            digest.update(bytes);
            byte[] index = source.read(chunk.indexPosition(), chunk.indexLength());
            indexBytes.add(index);
            checkChunk(reader, chunk, bytes, ChunkIndex.decode(source.name(), chunk, index));
        }
        indexBytes.forEach(digest::update);
        long footerPosition = reader.trailer().footerPosition();
        digest.update(source.read(footerPosition, (int) (source.size() - footerPosition)));
        return new VerifiedSegment(reader.footer(), Sha256.hex(digest), source.size());
    }

    private static void checkChunk(SegmentReader reader, ChunkEntry chunk, byte[] bytes, ChunkIndex index) {
        BatchDecoder decoder = reader.decoder(chunk);
        List<KfsRecord> records = new ArrayList<>();
        List<IndexEntry> entries = index.entries();
        int nextEntry = 0;
        long maxSoFar = Long.MIN_VALUE;
        List<BatchDecoder.PositionedBatch> batches = decoder.batches(bytes, 0, bytes.length, 0);
        for (BatchDecoder.PositionedBatch b : batches) {
            decoder.ensureValid(b);
            if (nextEntry < entries.size() && entries.get(nextEntry).position() == b.chunkPosition()) {
                IndexEntry e = entries.get(nextEntry);
                checkEntry(decoder, chunk, e, b, maxSoFar, bytes, index.intervalLength(nextEntry));
                nextEntry++;
            }
            records.addAll(decoder.records(b));
            maxSoFar = Math.max(maxSoFar, b.batch().maxTimestamp());
        }
        if (nextEntry != entries.size()) {
            IndexEntry stray = entries.get(nextEntry);
            throw new CorruptSegmentException(reader.name(), "index of partition " + chunk.partition(), chunk.indexPosition()
                    + (long) nextEntry * IndexEntry.LENGTH, "entry " + stray + " does not point at a batch start");
        }
        new ChunkStatistics(chunk, decoder).check(batches, records);
    }

    private static void checkEntry(BatchDecoder decoder, ChunkEntry chunk, IndexEntry e, BatchDecoder.PositionedBatch b,
                                   long maxSoFar, byte[] chunkBytes, long intervalLength) {
        CRC32C crc = new CRC32C();
        crc.update(chunkBytes, (int) e.position(), (int) intervalLength);
        if (e.offset() != b.batch().baseOffset() || e.maxTimestampSoFar() != maxSoFar || (int) crc.getValue() != e.intervalCrc()) {
            throw decoder.corrupt(chunk.chunkPosition() + e.position(), "index entry " + e + " disagrees with the batch there (offset "
                    + b.batch().baseOffset() + ", max timestamp so far " + maxSoFar + ", interval CRC32C " + Crc32c.hex((int) crc.getValue()) + ")");
        }
    }

    /**
     * The outcome of a full verification.
     *
     * @param footer the segment's footer
     * @param sha256 lower-case hex SHA-256 of the whole object
     * @param size   object size in bytes
     */
    public record VerifiedSegment(SegmentFooter footer, String sha256, long size) {
    }
}
