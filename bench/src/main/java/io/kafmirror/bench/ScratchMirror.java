package io.kafmirror.bench;

import io.kafmirror.engine.mirror.MirrorSettings;
import io.kafmirror.engine.mirror.MirrorTask;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.store.LocalSegmentStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;

/**
 * The engine's {@link MirrorTask} running on its own thread into a fresh local store and catalog,
 * as a real job does, removed again on {@link #close}. A fresh archive makes the task start every
 * partition at offset 0, so each run backs up the whole topic.
 */
final class ScratchMirror implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final ScratchDir dir;
    private final SegmentCatalog catalog;
    private final LocalSegmentStore store;
    private final SegmentArchive archive;
    private final StoredCount stored = new StoredCount();
    private final MirrorTask task;
    private final Thread thread;

    /** A mirror from {@code bootstrap} with {@code settings} into a new archive under {@code parent}; {@link #start} starts it. */
    ScratchMirror(String bootstrap, MirrorSettings settings, Path parent) throws IOException {
        this.dir = ScratchDir.create(parent, "archive-");
        this.catalog = SegmentCatalog.open(dir.path().resolve("catalog"));
        this.store = new LocalSegmentStore(dir.path().resolve("store"));
        Properties client = new Properties();
        client.put("bootstrap.servers", bootstrap);
        this.archive = new SegmentArchive(store, catalog);
        this.task = new MirrorTask(settings, client, archive, stored, Clock.systemUTC());
        this.thread = new Thread(task, "bench-mirror");
    }

    /** Starts the task; kept apart from construction so that opening the catalog is not timed. */
    void start() {
        thread.start();
    }

    /** Waits until the catalog holds {@code records} records; fails if the mirror dies or takes over {@code timeoutMillis}. */
    void awaitStored(long records, long timeoutMillis) throws InterruptedException {
        stored.await(records, thread, timeoutMillis);
    }

    MirrorTask task() {
        return task;
    }

    StoredCount stored() {
        return stored;
    }

    /** The archive the task writes, readable until {@link #close}. */
    SegmentArchive archive() {
        return archive;
    }

    /** Stops the task and waits for it; the archive stays until {@link #close}. */
    void stop() throws InterruptedException {
        task.stop();
        if (!task.awaitStopped(STOP_TIMEOUT)) {
            // Closing the store under a running task would only add errors to this one.
            throw new IllegalStateException("The mirror did not stop within " + STOP_TIMEOUT.toSeconds() + " s");
        }
    }

    /** Stops the task, waits for it, and deletes the archive. */
    @Override
    public void close() throws InterruptedException {
        stop();
        catalog.close();
        store.close();
        dir.close();
    }
}
