package io.kafmirror.engine.snapshot;

import io.kafmirror.kfs.store.ByteSource;
import io.kafmirror.kfs.store.KeyAlreadyExistsException;
import io.kafmirror.kfs.store.KeyTime;
import io.kafmirror.kfs.store.ObjectRetention;
import io.kafmirror.kfs.store.PutOptions;
import io.kafmirror.kfs.store.SegmentStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Stores the snapshots one writer takes of one cluster, each as a new object under its own key,
 * created with the job's Object Lock retention and the metadata of {@code docs/snapshots.md}.
 */
public final class SnapshotWriter {

    static final String SHA256 = "kfs-sha256";
    static final String KIND = "kfs-snapshot-kind";
    static final String VERSION = "kfs-snapshot-version";

    private final SegmentStore store;
    private final String cluster;
    private final String writerId;
    private final Function<Instant, ObjectRetention> retention;
    private final Map<SnapshotKind<?>, Instant> lastTaken = new HashMap<>();

    /**
     * A writer for {@code cluster} into {@code store}; {@code writerId} must be unique to this process, and
     * {@code retention} gives the retention of a snapshot taken at an instant (e.g. {@code RetentionRule::from}).
     */
    public SnapshotWriter(SegmentStore store, String cluster, String writerId, Function<Instant, ObjectRetention> retention) {
        SnapshotKey.requireName("cluster", cluster);
        SnapshotKey.requireName("writer id", writerId);
        this.store = Objects.requireNonNull(store, "store");
        this.cluster = cluster;
        this.writerId = writerId;
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    /** The source cluster the snapshots are of. */
    public String cluster() {
        return cluster;
    }

    /**
     * Stores {@code body} as taken at {@code takenAt}, or 1 ms after this writer's previous snapshot of the same
     * kind if the clock has not moved past it (two snapshots must never share a key), and returns it.
     *
     * @throws KeyAlreadyExistsException if another writer holds the key: writer ids are not unique
     */
    public synchronized <B extends SnapshotBody> Snapshot<B> write(B body, Instant takenAt) {
        Instant previous = lastTaken.get(body.kind());
        Instant millis = KeyTime.keyable(takenAt);
        Instant at = previous != null && !millis.isAfter(previous) ? previous.plusMillis(1) : millis;
        Snapshot<B> snapshot = new Snapshot<>(new SnapshotKey(cluster, body.kind(), at, writerId), body);
        byte[] bytes = snapshot.encode();
        String sha256 = CanonicalJson.sha256(bytes);
        String key = snapshot.key().value();
        PutOptions options = new PutOptions(Map.of(SHA256, sha256, KIND, body.kind().name(),
                VERSION, String.valueOf(Snapshot.VERSION)), retention.apply(snapshot.key().takenAt()), false);
        try {
            store.put(key, ByteSource.of(bytes), options);
        } catch (KeyAlreadyExistsException e) {
            // Our own earlier attempt whose answer was lost (a retried request) left these very bytes: done.
            if (!sha256.equals(store.head(key).metadata().get(SHA256))) {
                throw e;
            }
        }
        lastTaken.put(body.kind(), snapshot.key().takenAt());
        return snapshot;
    }
}
