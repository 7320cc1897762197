package io.kafmirror.engine.testkit;

import io.kafmirror.kfs.store.ForwardingStore;
import io.kafmirror.kfs.store.ObjectTail;
import io.kafmirror.kfs.store.SegmentStore;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;

/**
 * A real store whose object reads wait at a gate until the test opens it: holds a task that reads the store (a drill, a
 * restore) in the middle of its run, for as long as the test looks at it from outside.
 */
public final class GatedStore extends ForwardingStore {

    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch opened = new CountDownLatch(1);

    /** Gates the reads of {@code store}, closed. */
    public GatedStore(SegmentStore store) {
        super(store);
    }

    /** Waits until a read waits at the gate. */
    public void awaitReached() throws InterruptedException {
        reached.await();
    }

    /** Lets every read through, now and later. */
    public void open() {
        opened.countDown();
    }

    private void pass() {
        reached.countDown();
        try {
            opened.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted at the store's gate", e);
        }
    }

    @Override
    public byte[] read(String key, long position, int length) {
        pass();
        return super.read(key, position, length);
    }

    @Override
    public ObjectTail tail(String key, int maxLength) {
        pass();
        return super.tail(key, maxLength);
    }

    @Override
    public InputStream open(String key) {
        pass();
        return super.open(key);
    }

    /** Leaves the gated store open: it belongs to the test's archive. */
    @Override
    public void close() {
    }
}
