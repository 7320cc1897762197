package io.kafmirror.kfs.catalog;

import io.kafmirror.kfs.format.CorruptSegmentException;
import io.kafmirror.kfs.format.SegmentSource;
import io.kafmirror.kfs.store.ObjectTail;
import io.kafmirror.kfs.store.SegmentStore;

/**
 * A segment in a store, read with ranged reads. Built from an {@link ObjectTail}, so opening the
 * segment (trailer and footer) is served from bytes already fetched.
 */
public final class StoreSegmentSource implements SegmentSource {

    private final SegmentStore store;
    private final String key;
    private final ObjectTail tail;
    private final long tailStart;

    /** A source over {@code key} whose tail was fetched already. */
    public StoreSegmentSource(SegmentStore store, String key, ObjectTail tail) {
        this.store = store;
        this.key = key;
        this.tail = tail;
        this.tailStart = tail.info().size() - tail.bytes().length;
    }

    /** Fetches the tail of {@code key} (one request) and returns a source over it. */
    public static StoreSegmentSource open(SegmentStore store, String key, int tailLength) {
        return new StoreSegmentSource(store, key, store.tail(key, tailLength));
    }

    @Override
    public String name() {
        return key;
    }

    @Override
    public long size() {
        return tail.info().size();
    }

    @Override
    public byte[] read(long position, int length) {
        if (position >= tailStart) {
            byte[] out = new byte[length];
            System.arraycopy(tail.bytes(), (int) (position - tailStart), out, 0, length);
            return out;
        }
        byte[] bytes = store.read(key, position, length);
        if (bytes.length != length) {
            throw new CorruptSegmentException(key, "object", position, "the store returned " + bytes.length + " of " + length
                    + " bytes: the object is shorter than it was when listed (replaced or truncated)");
        }
        return bytes;
    }

    /** The metadata that came with the tail. */
    public ObjectTail tail() {
        return tail;
    }
}
