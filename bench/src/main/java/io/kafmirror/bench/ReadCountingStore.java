package io.kafmirror.bench;

import io.kafmirror.kfs.store.ForwardingStore;
import io.kafmirror.kfs.store.ObjectInfo;
import io.kafmirror.kfs.store.ObjectTail;
import io.kafmirror.kfs.store.SegmentStore;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A store that counts what is asked of another: object reads (ranged reads, tail reads, whole-object streams; a GET
 * each on S3) per key, and the bytes they return; other requests (head, list) apart. What planning costs against S3
 * is in these counts, whatever the local disk's speed.
 */
final class ReadCountingStore extends ForwardingStore {

    private final Map<String, Integer> readsByKey = new TreeMap<>();
    private long bytesRead;
    private int otherRequests;

    /** Counts the requests to {@code store}. */
    ReadCountingStore(SegmentStore store) {
        super(store);
    }

    /** Object reads so far. */
    synchronized int reads() {
        return readsByKey.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Object reads so far, per key. */
    synchronized Map<String, Integer> readsByKey() {
        return Map.copyOf(readsByKey);
    }

    /** Bytes the object reads returned so far (a stream counts as the object's size). */
    synchronized long bytesRead() {
        return bytesRead;
    }

    /** Head and list requests so far. */
    synchronized int otherRequests() {
        return otherRequests;
    }

    private synchronized void read(String key, long bytes) {
        readsByKey.merge(key, 1, Integer::sum);
        bytesRead += bytes;
    }

    @Override
    public ObjectInfo head(String key) {
        synchronized (this) {
            otherRequests++;
        }
        return super.head(key);
    }

    @Override
    public byte[] read(String key, long position, int length) {
        byte[] bytes = super.read(key, position, length);
        read(key, bytes.length);
        return bytes;
    }

    @Override
    public ObjectTail tail(String key, int maxLength) {
        ObjectTail tail = super.tail(key, maxLength);
        read(key, tail.bytes().length);
        return tail;
    }

    @Override
    public InputStream open(String key) {
        read(key, store.head(key).size());
        return super.open(key);
    }

    @Override
    public Stream<ObjectInfo> list(String prefix) {
        synchronized (this) {
            otherRequests++;
        }
        return super.list(prefix);
    }
}
