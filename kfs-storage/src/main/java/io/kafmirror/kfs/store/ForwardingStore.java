package io.kafmirror.kfs.store;

import java.io.InputStream;
import java.util.stream.Stream;

/**
 * A store that passes every request to another: what a store watching some requests (counting reads, holding them)
 * extends, overriding only those.
 */
public abstract class ForwardingStore implements SegmentStore {

    /** The store the requests go to. */
    protected final SegmentStore store;

    /** Passes the requests to {@code store}. */
    protected ForwardingStore(SegmentStore store) {
        this.store = store;
    }

    @Override
    public String location() {
        return store.location();
    }

    @Override
    public void put(String key, ByteSource content, PutOptions options) {
        store.put(key, content, options);
    }

    @Override
    public ObjectInfo head(String key) {
        return store.head(key);
    }

    @Override
    public byte[] read(String key, long position, int length) {
        return store.read(key, position, length);
    }

    @Override
    public ObjectTail tail(String key, int maxLength) {
        return store.tail(key, maxLength);
    }

    @Override
    public InputStream open(String key) {
        return store.open(key);
    }

    @Override
    public Stream<ObjectInfo> list(String prefix) {
        return store.list(prefix);
    }

    @Override
    public RetentionStatus retention(String key) {
        return store.retention(key);
    }

    @Override
    public void setRetention(String key, ObjectRetention retention) {
        store.setRetention(key, retention);
    }

    @Override
    public void setLegalHold(String key, boolean on) {
        store.setLegalHold(key, on);
    }

    @Override
    public void delete(String key) {
        store.delete(key);
    }

    @Override
    public LockReport verifyLock() {
        return store.verifyLock();
    }

    @Override
    public void close() {
        store.close();
    }
}
