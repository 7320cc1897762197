package io.kafmirror.engine.testkit;

import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.store.LocalSegmentStore;
import java.nio.file.Path;

/** A local store and its catalog in a test folder ({@code store/}, {@code catalog}), opened together and closed together. */
public final class LocalArchive implements AutoCloseable {

    private final SegmentCatalog catalog;
    private final LocalSegmentStore store;
    private final SegmentArchive archive;

    private LocalArchive(Path dir) {
        this.catalog = SegmentCatalog.open(dir.resolve("catalog"));
        this.store = new LocalSegmentStore(dir.resolve("store"));
        this.archive = new SegmentArchive(store, catalog);
    }

    /** Opens (creating) the archive in {@code dir}. */
    public static LocalArchive in(Path dir) {
        return new LocalArchive(dir);
    }

    /** The archive over store and catalog. */
    public SegmentArchive archive() {
        return archive;
    }

    @Override
    public void close() {
        catalog.close();
        store.close();
    }
}
