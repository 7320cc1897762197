package io.kafmirror.kfs.format;

/**
 * The {@code FLAGS} bit set that header and trailer both carry; see "Flags" in
 * {@code docs/kfs-format.md}.
 *
 * <pre>
 * bit 0  SOURCE_BATCHES  chunks may also hold record batches copied byte for byte from the source
 * 1..15  reserved, 0
 * </pre>
 *
 * A reader rejects any bit it does not know, so a segment using a newer flag is refused rather
 * than misread.
 *
 * @param bits the raw {@code int16}
 */
record SegmentFlags(short bits) {

    static final short SOURCE_BATCHES = 0x0001;
    static final short KNOWN = SOURCE_BATCHES;

    static final SegmentFlags NONE = new SegmentFlags((short) 0);
    static final SegmentFlags WITH_SOURCE_BATCHES = new SegmentFlags(SOURCE_BATCHES);

    /** Whether chunks may hold source batches: any codec per batch, transactional data batches. */
    boolean sourceBatches() {
        return (bits & SOURCE_BATCHES) != 0;
    }

    /** The flags read at absolute {@code position} of {@code part}, refused if a bit is unknown. */
    static SegmentFlags decode(String objectName, String part, long position, short bits) {
        if ((bits & ~KNOWN) != 0) {
            throw new CorruptSegmentException(objectName, part, position, "unknown flags " + hex(bits)
                    + " (known: " + hex(KNOWN) + " SOURCE_BATCHES); a newer kaf-mirror may have written this segment");
        }
        return new SegmentFlags(bits);
    }

    static String hex(short bits) {
        return String.format("0x%04x", bits & 0xffff);
    }

    @Override
    public String toString() {
        return hex(bits);
    }
}
