package io.kafmirror.engine.mirror;

import io.kafmirror.kfs.catalog.CatalogEntry;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.store.KeyNotFoundException;
import io.kafmirror.kfs.store.SegmentKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes sealed segments one at a time, in the order they were sealed, retrying each until the
 * store takes it. Order matters: the catalog's last offset per partition is where a restart resumes,
 * so a later segment must never be stored while an earlier one is still missing.
 *
 * <p>While the store fails, segments wait here and the mirror stops reading once the memory bound is
 * reached; the source's own retention is the buffer. Nothing is dropped except on {@link #close},
 * and what is dropped then was never catalogued, so a restart reads it again.
 */
final class SegmentUploader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentUploader.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final SegmentArchive archive;
    private final MirrorListener listener;
    private final MirrorProgress progress;
    private final Clock clock;
    private final Deque<PendingSegment> queue = new ArrayDeque<>();
    private final Thread thread;
    private long queuedBytes;
    private boolean closed;
    private boolean failing;
    private Throwable broken;

    SegmentUploader(String job, SegmentArchive archive, MirrorListener listener, MirrorProgress progress, Clock clock) {
        this.archive = archive;
        this.listener = listener;
        this.progress = progress;
        this.clock = clock;
        this.thread = new Thread(this::run, "kaf-mirror-upload-" + job);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues {@code segment} behind those already waiting. */
    synchronized void submit(PendingSegment segment) {
        if (closed) {
            throw new IllegalStateException("The uploader is closed");
        }
        checkAlive();
        queue.addLast(segment);
        queuedBytes += segment.bytes();
        notifyAll();
    }

    /** Bytes of segments not yet stored. */
    synchronized long queuedBytes() {
        return queuedBytes;
    }

    /** Whether the last attempt to store failed. */
    synchronized boolean failing() {
        return failing;
    }

    /** Waits until every queued segment is stored or {@code timeout} passes; true when all are stored. */
    synchronized boolean drain(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!queue.isEmpty()) {
            checkAlive();
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Throws when the upload thread died of an unexpected error, so the mirror stops instead of buffering forever. */
    synchronized void checkAlive() {
        if (broken != null) {
            throw new IllegalStateException("Storing segments stopped on an unexpected error: " + broken, broken);
        }
    }

    /** Stops at once; segments still queued are dropped (they were never catalogued). */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            PendingSegment next;
            while ((next = awaitHead()) != null) {
                store(next);
                synchronized (this) {
                    queue.removeFirst();
                    queuedBytes -= next.bytes();
                    notifyAll();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            LOG.error("Storing segments stopped on an unexpected error", t);
            synchronized (this) {
                broken = t;
                notifyAll();
            }
        }
    }

    private synchronized PendingSegment awaitHead() throws InterruptedException {
        while (queue.isEmpty() && !closed) {
            wait();
        }
        return closed ? null : queue.peekFirst();
    }

    private void store(PendingSegment pending) throws InterruptedException {
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                SegmentKey key = archive.publish(pending.segment(), pending.retention(), false);
                CatalogEntry entry = archive.catalog().find(key.value())
                        .orElseThrow(() -> new KeyNotFoundException(archive.store().location(), key.value()));
                recovered(pending);
                LOG.debug("Stored {}", key.value());
                progress.stored(entry, pending.timestamps(), clock.millis());
                listener.segmentStored(entry);
                return;
            } catch (RuntimeException e) {
                failed(pending, e, backoff);
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void failed(PendingSegment pending, RuntimeException e, Duration backoff) {
        boolean first;
        synchronized (this) {
            first = !failing;
            failing = true;
        }
        LOG.warn("Storing a segment of {} failed, retrying in {} ms: {}", pending.topic(), backoff.toMillis(),
                e.getMessage());
        if (first) {
            listener.event(new MirrorEvent(MirrorEvent.Type.STORE_ERROR, clock.instant(), pending.topic(), -1,
                    "Cannot store a segment of " + pending.topic() + " in " + archive.store().location() + ": "
                            + e.getMessage() + ". Retrying with backoff; reading from the source pauses once "
                            + "buffered data reaches the memory bound. Nothing is lost while the source keeps it."));
        }
    }

    private void recovered(PendingSegment pending) {
        boolean wasFailing;
        synchronized (this) {
            wasFailing = failing;
            failing = false;
        }
        if (wasFailing) {
            listener.event(new MirrorEvent(MirrorEvent.Type.STORE_RECOVERED, clock.instant(), pending.topic(), -1,
                    "The store " + archive.store().location() + " accepts segments again; mirroring continues"
                            + " where it stopped."));
        }
    }
}
