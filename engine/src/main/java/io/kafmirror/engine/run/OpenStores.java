package io.kafmirror.engine.run;

import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.store.SegmentStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configured stores a runner writes to, each opened once with its own catalog
 * ({@code <data>/catalogs/<store>}), shared by every job writing to it.
 */
public final class OpenStores implements AutoCloseable {

    private final MirrorConfig config;
    private final Path catalogs;
    private final Map<String, Opened> open = new LinkedHashMap<>();

    /** The stores of {@code config}, with their catalogs in {@code dataDir}. */
    public OpenStores(MirrorConfig config, Path dataDir) {
        this.config = config;
        this.catalogs = dataDir.resolve("catalogs");
    }

    /** The archive of store {@code name}, opening it on first use. */
    public synchronized SegmentArchive archive(String name) {
        Opened opened = open.get(name);
        if (opened == null) {
            SegmentStore store = config.store(name).open();
            try {
                Files.createDirectories(catalogs);
                SegmentCatalog catalog = SegmentCatalog.open(catalogs.resolve(name));
                opened = new Opened(store, catalog);
            } catch (IOException e) {
                store.close();
                throw new UncheckedIOException("Cannot create the catalog folder " + catalogs
                        + ": choose a writable data folder", e);
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
            open.put(name, opened);
        }
        return new SegmentArchive(opened.store, opened.catalog);
    }

    @Override
    public synchronized void close() {
        for (Opened opened : open.values()) {
            opened.catalog.close();
            opened.store.close();
        }
        open.clear();
    }

    private record Opened(SegmentStore store, SegmentCatalog catalog) {
    }
}
