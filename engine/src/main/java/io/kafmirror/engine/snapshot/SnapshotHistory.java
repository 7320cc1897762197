package io.kafmirror.engine.snapshot;

import io.kafmirror.kfs.store.KeyTime;
import io.kafmirror.kfs.store.SegmentStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The stored snapshots of one cluster over time, found by listing keys only (no object is read).
 *
 * <p>Listing order is time order ({@link SnapshotKey}), so a listing is read only up to the first key
 * after the instant asked for. To find the latest snapshot at or before an instant, the hour folder
 * of that instant is listed first, then the earlier hours of its day, then earlier days one by one
 * up to {@link #DAYS_BACK}, and only then, for a history with a longer silence, everything up to it.
 */
public final class SnapshotHistory {

    /** How many whole days before the asked day are listed one by one before falling back to a full listing. */
    public static final int DAYS_BACK = 31;

    private final SegmentStore store;
    private final String cluster;

    /** The history of {@code cluster}'s snapshots in {@code store}. */
    public SnapshotHistory(SegmentStore store, String cluster) {
        SnapshotKey.requireName("cluster", cluster);
        this.store = store;
        this.cluster = cluster;
    }

    /** Every snapshot of {@code kind}, oldest first. */
    public List<SnapshotKey> list(SnapshotKind<?> kind) {
        try (Stream<SnapshotKey> keys = keys(SnapshotKey.kindPrefix(cluster, kind))) {
            return keys.toList();
        }
    }

    /** The latest snapshot of {@code kind} taken at or before {@code at}, if there is one. */
    public Optional<SnapshotKey> latestAtOrBefore(SnapshotKind<?> kind, Instant at) {
        Instant until = KeyTime.keyable(at);
        Optional<SnapshotKey> found = latestIn(SnapshotKey.hourPrefix(cluster, kind, until), until);
        if (found.isEmpty()) {
            // The hour of `until` holds nothing at or before it, so this listing stops at that hour's first key.
            found = latestIn(SnapshotKey.dayPrefix(cluster, kind, until), until);
        }
        Instant day = until.truncatedTo(ChronoUnit.DAYS);
        for (int back = 1; found.isEmpty() && back <= DAYS_BACK && !day.minus(back, ChronoUnit.DAYS).isBefore(Instant.EPOCH); back++) {
            found = latestIn(SnapshotKey.dayPrefix(cluster, kind, day.minus(back, ChronoUnit.DAYS)), until);
        }
        return found.isPresent() ? found : latestIn(SnapshotKey.kindPrefix(cluster, kind), until);
    }

    private Optional<SnapshotKey> latestIn(String prefix, Instant until) {
        try (Stream<SnapshotKey> keys = keys(prefix)) {
            return keys.takeWhile(key -> !key.takenAt().isAfter(until)).reduce((earlier, later) -> later);
        }
    }

    /** The snapshot keys under {@code prefix} in listing order; objects that are not snapshots are passed over. */
    private Stream<SnapshotKey> keys(String prefix) {
        // Closing the returned stream closes the listing: a stream pipeline shares one close action.
        return store.list(prefix).map(object -> SnapshotKey.parse(object.key())).flatMap(Optional::stream);
    }
}
