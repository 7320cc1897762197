package io.kafmirror.engine.snapshot;

import io.kafmirror.kfs.store.SegmentStore;
import io.kafmirror.kfs.store.StoreException;
import java.io.IOException;
import java.io.InputStream;

/** Reads stored snapshots and verifies each completely before handing it out. */
public final class SnapshotReader {

    private final SegmentStore store;

    /** A reader of the snapshots in {@code store}. */
    public SnapshotReader(SegmentStore store) {
        this.store = store;
    }

    /**
     * The snapshot stored under {@code key}, which must be of {@code kind}.
     *
     * @throws SnapshotFormatException if it is damaged, truncated, of another kind or of a newer format
     * @throws StoreException          if the store cannot give it (e.g. {@code KeyNotFoundException})
     */
    public <B extends SnapshotBody> Snapshot<B> read(SnapshotKey key, SnapshotKind<B> kind) {
        byte[] bytes;
        try (InputStream in = store.open(key.value())) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new StoreException("Cannot read snapshot " + key + " from " + store.location() + ": " + e.getMessage(), e);
        }
        return Snapshot.decode(key, kind, bytes);
    }
}
