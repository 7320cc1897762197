package io.kafmirror.kfs.catalog;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs per-object work on a few threads with at most twice that many tasks queued, so walking a
 * bucket of hundreds of thousands of segments never holds them all in memory.
 */
final class BoundedParallelism implements AutoCloseable {

    private final ExecutorService pool;
    private final Semaphore slots;

    BoundedParallelism(String name, int threads) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.slots = new Semaphore(threads * 2);
    }

    /** Runs {@code work} when a slot is free; blocks the caller until then. */
    void submit(Runnable work) {
        slots.acquireUninterruptibly();
        pool.execute(() -> {
            try {
                work.run();
            } finally {
                slots.release();
            }
        });
    }

    /** Waits for all submitted work to finish. */
    @Override
    public void close() {
        pool.shutdown();
        try {
            while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                Thread.onSpinWait();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
