package io.kafmirror.kfs.format;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** An append-only byte array that doubles as it fills; unsynchronized, unlike ByteArrayOutputStream. */
final class GrowableBytes {

    private byte[] bytes;
    private int size;

    GrowableBytes(int initialCapacity) {
        bytes = new byte[initialCapacity];
    }

    void write(ByteBuffer source) {
        int n = source.remaining();
        ensureRoom(n);
        source.duplicate().get(bytes, size, n);
        size += n;
    }

    void write(byte[] source) {
        ensureRoom(source.length);
        System.arraycopy(source, 0, bytes, size, source.length);
        size += source.length;
    }

    int size() {
        return size;
    }

    /** The backing array; only its first {@link #size()} bytes are content. */
    byte[] array() {
        return bytes;
    }

    private void ensureRoom(int n) {
        long needed = (long) size + n;
        if (needed > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("A segment must stay under 2 GiB; seal it earlier (flush max bytes)");
        }
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(needed, 2L * bytes.length)));
        }
    }
}
