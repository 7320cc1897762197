package io.kafmirror.bench;

import io.kafmirror.engine.mirror.MirrorSettings;
import io.kafmirror.engine.mirror.MirrorTask;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.format.SegmentCodec;
import io.kafmirror.kfs.store.LocalSegmentStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;

/**
 * The engine's {@link MirrorTask} running on its own thread into a fresh local store and catalog,
 * as a real job does, removed again on {@link #close}. A fresh archive makes the task start every
 * partition at offset 0, so each run backs up the whole topic. The folder is laid out as the CLI's and the console's
 * data folder with a local store named {@link #STORE}, so the console can be pointed at it.
 */
final class ScratchMirror implements AutoCloseable {

    /** The store's name: its catalog is {@code catalogs/scratch} and its objects are in {@code store}. */
    static final String STORE = "scratch";

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
        this.catalog = SegmentCatalog.open(dir.path().resolve("catalogs").resolve(STORE));
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

    /** The engine's settings for backing up {@code topic} of {@code cluster}: its defaults, with {@code codec} and a short flush linger. */
    static MirrorSettings settings(String cluster, String topic, SegmentCodec codec) {
        MirrorSettings defaults = MirrorSettings.defaults("bench", cluster, topic::equals);
        // The linger only delays the last segment of the one backup, which nothing times; 30 s of it would only wait.
        return defaults.withFlush(defaults.flushBytes(), Duration.ofMillis(200)).withCodec(codec);
    }

    /** Starts the task, waits until it has stored {@code records} records (30 minutes at most) and stops it; returns the nanoseconds taken. */
    long backUp(long records) throws InterruptedException {
        long start = System.nanoTime();
        start();
        awaitStored(records, 30 * 60_000L);
        stop();
        return System.nanoTime() - start;
    }

    /** Waits until the catalog holds {@code records} records; fails if the mirror dies or takes over {@code timeoutMillis}. */
    void awaitStored(long records, long timeoutMillis) throws InterruptedException {
        stored.await(records, thread, timeoutMillis);
    }

    /** The folder holding the archive: a data folder for a configuration whose local store {@link #STORE} is {@code store} in it. */
    Path dir() {
        return dir.path();
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
