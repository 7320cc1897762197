package io.kafmirror.kfs.format;

import java.nio.ByteBuffer;

/**
 * The 16-byte header that opens every {@code .kfs} object.
 *
 * <pre>
 * MAGIC   0  8  89 4B 46 53 0D 0A 1A 0A
 * VERSION 8  2  int16 format version (1)
 * FLAGS   10 2  int16 {@link SegmentFlags}, equal to the trailer's
 * CRC     12 4  CRC32C of bytes [0, 12)
 * </pre>
 *
 * It lets a streaming reader reject a foreign or newer object before reading further; everything
 * else a reader needs is in the footer, found from the trailer.
 */
final class SegmentHeader {

    static final int MAGIC_OFFSET = 0;
    static final int VERSION_OFFSET = MAGIC_OFFSET + FormatVersion.MAGIC_LENGTH;
    static final int FLAGS_OFFSET = VERSION_OFFSET + 2;
    static final int CRC_OFFSET = FLAGS_OFFSET + 2;
    static final int LENGTH = CRC_OFFSET + 4;

    private SegmentHeader() {
    }

    static byte[] encode(SegmentFlags flags) {
        ByteBuffer b = ByteBuffer.allocate(LENGTH);
        b.put(FormatVersion.MAGIC).putShort(FormatVersion.CURRENT).putShort(flags.bits());
        b.putInt(Crc32c.of(b.array(), 0, CRC_OFFSET));
        return b.array();
    }

    /** Checks the header bytes read from position 0 of {@code objectName} and returns its flags. */
    static SegmentFlags verify(String objectName, byte[] bytes) {
        String part = "header";
        if (bytes.length < LENGTH) {
            throw new CorruptSegmentException(objectName, part, bytes.length, "object ends inside the " + LENGTH + "-byte header (truncated)");
        }
        if (!FormatVersion.isMagic(bytes, MAGIC_OFFSET)) {
            throw new CorruptSegmentException(objectName, part, MAGIC_OFFSET, "wrong magic: this is not a .kfs segment");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        short version = b.getShort(VERSION_OFFSET);
        if (version != FormatVersion.CURRENT) {
            throw new UnsupportedFormatVersionException(objectName, part, VERSION_OFFSET, version);
        }
        int stored = b.getInt(CRC_OFFSET);
        int computed = Crc32c.of(bytes, 0, CRC_OFFSET);
        if (stored != computed) {
            throw new CorruptSegmentException(objectName, part, 0, "CRC32C mismatch: stored " + Crc32c.hex(stored) + ", computed " + Crc32c.hex(computed));
        }
        return SegmentFlags.decode(objectName, part, FLAGS_OFFSET, b.getShort(FLAGS_OFFSET));
    }
}
