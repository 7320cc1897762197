package io.kafmirror.kfs.format;

import java.util.List;

/**
 * Checks that the parts named by the footer tile the object exactly: header, chunks in partition
 * order, their indexes in the same order, footer, trailer. A footer that passed its CRC but
 * describes an impossible layout (a writer bug or a crafted object) is still rejected.
 */
final class SegmentLayout {

    private final String objectName;
    private final SegmentTrailer trailer;
    private final SegmentFooter footer;

    SegmentLayout(String objectName, SegmentTrailer trailer, SegmentFooter footer) {
        this.objectName = objectName;
        this.trailer = trailer;
        this.footer = footer;
    }

    void check() {
        List<ChunkEntry> chunks = footer.chunks();
        long expected = SegmentHeader.LENGTH;
        int previousPartition = -1;
        long records = 0;
        for (ChunkEntry c : chunks) {
            if (c.partition() <= previousPartition) {
                throw corrupt("chunks are not in strictly increasing partition order at partition " + c.partition());
            }
            if (c.chunkPosition() != expected || c.chunkLength() <= 0) {
                throw corrupt("chunk of partition " + c.partition() + " is at " + c.chunkPosition() + " (+" + c.chunkLength()
                        + ") but the previous part ends at " + expected);
            }
            if (c.recordCount() < 1 || c.firstOffset() < 0 || c.lastOffset() < c.firstOffset()
                    || c.lastOffset() - c.firstOffset() + 1 < c.recordCount() || c.minTimestamp() > c.maxTimestamp()) {
                throw corrupt("chunk of partition " + c.partition() + " has inconsistent offsets, count or timestamps: " + c);
            }
            expected += c.chunkLength();
            previousPartition = c.partition();
            records += c.recordCount();
        }
        for (ChunkEntry c : chunks) {
            if (c.indexPosition() != expected || c.indexLength() <= 0) {
                throw corrupt("index of partition " + c.partition() + " is at " + c.indexPosition() + " but the previous part ends at " + expected);
            }
            expected += c.indexLength();
        }
        if (expected != trailer.footerPosition()) {
            throw corrupt("the last index ends at " + expected + " but the footer starts at " + trailer.footerPosition());
        }
        if (records != footer.recordCount()) {
            throw corrupt("chunks hold " + records + " records but the footer counts " + footer.recordCount());
        }
    }

    private CorruptSegmentException corrupt(String detail) {
        return new CorruptSegmentException(objectName, "footer", trailer.footerPosition(), detail);
    }
}
