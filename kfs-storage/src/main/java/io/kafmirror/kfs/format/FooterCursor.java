package io.kafmirror.kfs.format;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** Reads footer fields in order and turns any overrun or invalid value into a {@link CorruptSegmentException}. */
final class FooterCursor {

    private final String objectName;
    private final ByteBuffer in;
    private final long position;

    FooterCursor(String objectName, byte[] bytes, long position) {
        this.objectName = objectName;
        this.in = ByteBuffer.wrap(bytes);
        this.position = position;
    }

    long int64() {
        return read(() -> in.getLong());
    }

    int int32() {
        return read(() -> in.getInt());
    }

    int int16() {
        return read(() -> (int) in.getShort());
    }

    String string() {
        int at = in.position();
        int length = int16();
        if (length < 0 || length > in.remaining()) {
            throw corrupt(at, "string length " + length + " runs past the footer");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    ChunkEntry chunkEntry() {
        return read(() -> ChunkEntry.readFrom(in));
    }

    long remaining() {
        return in.remaining();
    }

    /** Runs a constructor that validates decoded values, reporting its complaint at {@code fieldOffset}. */
    <T> T check(Supplier<T> decoder, int fieldOffset) {
        try {
            return decoder.get();
        } catch (IllegalArgumentException e) {
            throw corrupt(fieldOffset, e.getMessage());
        }
    }

    CorruptSegmentException corrupt(int fieldOffset, String detail) {
        return new CorruptSegmentException(objectName, "footer", position + fieldOffset, detail);
    }

    private <T> T read(Supplier<T> field) {
        int at = in.position();
        try {
            return field.get();
        } catch (BufferUnderflowException e) {
            throw corrupt(at, "footer ends in the middle of a field");
        }
    }
}
