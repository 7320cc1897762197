package io.kafmirror.kfs.format;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The header keys recently decoded from UTF-8, so that a key repeated on every record (a trace id, a content
 * type) becomes a {@code String} once rather than once per record. Holds a few keys and replaces them in turn;
 * a topic with more distinct keys than that is decoded as before, only without the saving.
 *
 * <p>Not thread-safe, like the {@link BatchRecords} that owns it.
 */
final class HeaderKeys {

    private static final int CAPACITY = 16;

    private final byte[][] encoded = new byte[CAPACITY][];
    private final String[] decoded = new String[CAPACITY];
    private int size;
    private int next;

    /** The key whose UTF-8 bytes are {@code bytes[from, from + length)}. */
    String of(byte[] bytes, int from, int length) {
        for (int i = 0; i < size; i++) {
            byte[] known = encoded[i];
            if (known.length == length && Arrays.equals(known, 0, length, bytes, from, from + length)) {
                return decoded[i];
            }
        }
        byte[] copy = Arrays.copyOfRange(bytes, from, from + length);
        String key = new String(copy, StandardCharsets.UTF_8);
        encoded[next] = copy;
        decoded[next] = key;
        next = (next + 1) % CAPACITY;
        size = Math.min(size + 1, CAPACITY);
        return key;
    }
}
