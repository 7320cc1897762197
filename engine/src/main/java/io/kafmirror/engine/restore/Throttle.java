package io.kafmirror.engine.restore;

/** Keeps a byte rate at or under a limit by sleeping the sender; no limit when it is zero. */
final class Throttle {

    private final long bytesPerSecond;
    private final long startNanos = System.nanoTime();
    private long sent;

    Throttle(long bytesPerSecond) {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("A rate limit cannot be negative: give MB/s above 0, or none");
        }
        this.bytesPerSecond = bytesPerSecond;
    }

    /** Counts {@code bytes} as sent, first sleeping as long as sending them now would exceed the rate. */
    void acquire(long bytes) throws InterruptedException {
        sent += bytes;
        if (bytesPerSecond == 0) {
            return;
        }
        long dueNanos = startNanos + sent * 1_000_000_000L / bytesPerSecond;
        long wait = dueNanos - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
