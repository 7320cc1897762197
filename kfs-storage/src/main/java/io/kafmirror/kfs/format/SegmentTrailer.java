package io.kafmirror.kfs.format;

import java.nio.ByteBuffer;

/**
 * The fixed 40-byte trailer that closes every {@code .kfs} object and points at the footer.
 *
 * <pre>
 * FOOTER_POSITION 0  8  int64 absolute position of the footer
 * FOOTER_LENGTH   8  4  int32 footer length in bytes
 * FOOTER_CRC      12 4  CRC32C of the footer bytes
 * OBJECT_LENGTH   16 8  int64 length of the whole object, trailer included
 * CRC             24 4  CRC32C of trailer bytes [0, 24)
 * FLAGS           28 2  int16 {@link SegmentFlags}, equal to the header's
 * VERSION         30 2  int16 format version (1)
 * MAGIC           32 8  89 4B 46 53 0D 0A 1A 0A
 * </pre>
 *
 * Magic and version sit at the very end in every version, so a reader can tell a foreign, a
 * truncated and a newer object apart before trusting anything else.
 *
 * @param footerPosition absolute position of the footer
 * @param footerLength   footer length in bytes
 * @param footerCrc      CRC32C of the footer
 * @param objectLength   length of the whole object
 * @param flags          the segment's flags; not under the trailer CRC, see {@link SegmentVerifier}
 */
record SegmentTrailer(long footerPosition, int footerLength, int footerCrc, long objectLength, SegmentFlags flags) {

    static final int FOOTER_POSITION_OFFSET = 0;
    static final int FOOTER_LENGTH_OFFSET = FOOTER_POSITION_OFFSET + 8;
    static final int FOOTER_CRC_OFFSET = FOOTER_LENGTH_OFFSET + 4;
    static final int OBJECT_LENGTH_OFFSET = FOOTER_CRC_OFFSET + 4;
    static final int CRC_OFFSET = OBJECT_LENGTH_OFFSET + 8;
    static final int FLAGS_OFFSET = CRC_OFFSET + 4;
    static final int VERSION_OFFSET = FLAGS_OFFSET + 2;
    static final int MAGIC_OFFSET = VERSION_OFFSET + 2;
    static final int LENGTH = MAGIC_OFFSET + FormatVersion.MAGIC_LENGTH;

    byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(LENGTH);
        b.putLong(footerPosition).putInt(footerLength).putInt(footerCrc).putLong(objectLength);
        b.putInt(Crc32c.of(b.array(), 0, CRC_OFFSET));
        b.putShort(flags.bits()).putShort(FormatVersion.CURRENT).put(FormatVersion.MAGIC);
        return b.array();
    }

    /**
     * Decodes the trailer from the last {@link #LENGTH} bytes of {@code tail}, which ends at the
     * end of an object of {@code objectSize} bytes.
     */
    static SegmentTrailer decode(String objectName, byte[] tail, long objectSize) {
        String part = "trailer";
        if (objectSize < SegmentHeader.LENGTH + LENGTH) {
            throw new CorruptSegmentException(objectName, part, 0,
                    "object is only " + objectSize + " bytes, smaller than a header and trailer: truncated or not a .kfs segment");
        }
        int at = tail.length - LENGTH;
        long base = objectSize - LENGTH;
        if (!FormatVersion.isMagic(tail, at + MAGIC_OFFSET)) {
            throw new CorruptSegmentException(objectName, part, base + MAGIC_OFFSET,
                    "no .kfs magic at the end of the object: it is truncated or not a .kfs segment");
        }
        ByteBuffer b = ByteBuffer.wrap(tail, at, LENGTH).slice();
        short version = b.getShort(VERSION_OFFSET);
        if (version != FormatVersion.CURRENT) {
            throw new UnsupportedFormatVersionException(objectName, part, base + VERSION_OFFSET, version);
        }
        int stored = b.getInt(CRC_OFFSET);
        int computed = Crc32c.of(tail, at, CRC_OFFSET);
        if (stored != computed) {
            throw new CorruptSegmentException(objectName, part, base,
                    "CRC32C mismatch: stored " + Crc32c.hex(stored) + ", computed " + Crc32c.hex(computed));
        }
        SegmentFlags flags = SegmentFlags.decode(objectName, part, base + FLAGS_OFFSET, b.getShort(FLAGS_OFFSET));
        SegmentTrailer t = new SegmentTrailer(b.getLong(FOOTER_POSITION_OFFSET), b.getInt(FOOTER_LENGTH_OFFSET),
                b.getInt(FOOTER_CRC_OFFSET), b.getLong(OBJECT_LENGTH_OFFSET), flags);
        if (t.objectLength != objectSize) {
            throw new CorruptSegmentException(objectName, part, base + OBJECT_LENGTH_OFFSET,
                    "the trailer says the object is " + t.objectLength + " bytes but it is " + objectSize + " bytes (truncated or altered)");
        }
        if (t.footerLength < 0 || t.footerPosition < SegmentHeader.LENGTH || t.footerPosition + t.footerLength != base) {
            throw new CorruptSegmentException(objectName, part, base + FOOTER_POSITION_OFFSET,
                    "footer range [" + t.footerPosition + ", +" + t.footerLength + ") does not end at the trailer");
        }
        return t;
    }
}
