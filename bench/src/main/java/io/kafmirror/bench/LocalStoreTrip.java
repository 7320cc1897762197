package io.kafmirror.bench;

import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.catalog.SegmentMetadata;
import io.kafmirror.kfs.catalog.StoreSegmentSource;
import io.kafmirror.kfs.format.SealedSegment;
import io.kafmirror.kfs.format.SegmentReader;
import io.kafmirror.kfs.store.ByteSource;
import io.kafmirror.kfs.store.LocalSegmentStore;
import io.kafmirror.kfs.store.ObjectRetention;
import io.kafmirror.kfs.store.PutOptions;
import io.kafmirror.kfs.store.SegmentKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Segments through the local folder store and back: each put is durable (fsynced, published)
 * before the next segment is written, and reads go through the store's ranged reads as a restore's do.
 */
final class LocalStoreTrip {

    private final LocalSegmentStore store;
    private final List<String> keys = new ArrayList<>();

    /** A trip through {@code store}. */
    LocalStoreTrip(LocalSegmentStore store) {
        this.store = store;
    }

    /** Stores {@code segment} under its key with the metadata a publish stores. */
    void put(SealedSegment segment) {
        String key = SegmentKey.of(segment.footer()).value();
        // A publish hashes the object for this metadata now that seal does not: the step pays for it as an upload thread does.
        SegmentMetadata metadata = new SegmentMetadata(segment.sha256(), 1, ObjectRetention.NONE, false);
        store.put(key, ByteSource.of(segment.bytes()), new PutOptions(metadata.toMap(), ObjectRetention.NONE, false));
        keys.add(key);
    }

    /** Reads back every record of every segment put so far. */
    Tally readAll() {
        Tally tally = new Tally();
        for (String key : keys) {
            SegmentScan.readAll(SegmentReader.open(StoreSegmentSource.open(store, key, SegmentArchive.TAIL_READ)), tally);
        }
        return tally;
    }

    /** Deletes what this trip stored, so iterations do not fill the disk. */
    void clear() {
        keys.forEach(store::delete);
        keys.clear();
    }
}
