package io.kafmirror.kfs.format;

import java.util.Arrays;

/** Random access to the bytes of one stored segment, e.g. ranged GETs of an S3 object. */
public interface SegmentSource {

    /** The object's name for error messages (its store key). */
    String name();

    /** The object's size in bytes. */
    long size();

    /** Exactly {@code length} bytes from {@code position}; the range lies within the object. */
    byte[] read(long position, int length);

    /** A source over bytes in memory. */
    static SegmentSource of(String name, byte[] bytes) {
        return new SegmentSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public byte[] read(long position, int length) {
                return Arrays.copyOfRange(bytes, (int) position, (int) position + length);
            }
        };
    }
}
