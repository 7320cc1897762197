package io.kafmirror.kfs.catalog;

import io.kafmirror.kfs.format.SealedSegment;
import io.kafmirror.kfs.format.SegmentReader;
import io.kafmirror.kfs.store.ByteSource;
import io.kafmirror.kfs.store.KeyAlreadyExistsException;
import io.kafmirror.kfs.store.ObjectRetention;
import io.kafmirror.kfs.store.PutOptions;
import io.kafmirror.kfs.store.SegmentKey;
import io.kafmirror.kfs.store.SegmentStore;

/**
 * Stores sealed segments and opens stored ones: the store first, then the catalog, because the
 * store is the source of truth; a crash between the two is repaired by {@link CatalogRebuild}.
 * Publishing the same sealed segment again (a retry) is harmless.
 */
public final class SegmentArchive {

    /** Tail length fetched on open: trailer plus a footer of several hundred partitions. */
    public static final int TAIL_READ = 64 * 1024;

    private final SegmentStore store;
    private final SegmentCatalog catalog;

    /** An archive over {@code store}, indexed by {@code catalog}. */
    public SegmentArchive(SegmentStore store, SegmentCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    /** Stores {@code segment} under its key with {@code retention}, then catalogues it; returns the key. */
    public SegmentKey publish(SealedSegment segment, ObjectRetention retention, boolean legalHold) {
        SegmentKey key = SegmentKey.of(segment.footer());
        SegmentMetadata metadata = new SegmentMetadata(segment.sha256(), 1, retention, legalHold);
        try {
            store.put(key.value(), ByteSource.of(segment.bytes()), new PutOptions(metadata.toMap(), retention, legalHold));
        } catch (KeyAlreadyExistsException e) {
            // Keys are unique per writer, so an existing key holding our bytes is our own earlier attempt
            // whose answer was lost (or a crash before cataloguing): the segment is stored, carry on.
            String stored = SegmentMetadata.from(store.head(key.value()).metadata()).sha256();
            if (!segment.sha256().equals(stored)) {
                throw e;
            }
        }
        catalog.add(CatalogEntry.of(key.value(), segment.footer(), segment.bytes().length, segment.sha256(), retention, legalHold));
        return key;
    }

    /** Opens the stored segment {@code key} for reading (one request for trailer and footer). */
    public SegmentReader open(String key) {
        return SegmentReader.open(StoreSegmentSource.open(store, key, TAIL_READ));
    }

    /** The store. */
    public SegmentStore store() {
        return store;
    }

    /** The catalog. */
    public SegmentCatalog catalog() {
        return catalog;
    }
}
