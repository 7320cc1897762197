package io.kafmirror.kfs.catalog;

import io.kafmirror.kfs.format.CorruptSegmentException;
import io.kafmirror.kfs.format.SegmentVerifier;
import io.kafmirror.kfs.store.KeyNotFoundException;
import io.kafmirror.kfs.store.ObjectInfo;
import io.kafmirror.kfs.store.SegmentStore;
import io.kafmirror.kfs.store.StoreException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Recomputes every checksum of every segment under a prefix and compares each object's SHA-256
 * with the catalog's: finds corrupt, altered, missing and uncatalogued segments.
 */
public final class StoreVerification {

    private final SegmentStore store;
    private final SegmentCatalog catalog;
    private final int parallelism;

    /** A verification of {@code store} against {@code catalog}, {@code parallelism} objects at a time. */
    public StoreVerification(SegmentStore store, SegmentCatalog catalog, int parallelism) {
        this.store = store;
        this.catalog = catalog;
        this.parallelism = parallelism;
    }

    /** Verifies the segments whose keys start with {@code prefix} (e.g. {@code SegmentKey.topicPrefix(c, t)}). */
    public List<ObjectCheck> run(String prefix) {
        Map<String, CatalogEntry> expected = new TreeMap<>();
        catalog.all().stream().filter(e -> e.key().startsWith(prefix)).forEach(e -> expected.put(e.key(), e));
        List<ObjectCheck> checks = new ArrayList<>();
        try (BoundedParallelism workers = new BoundedParallelism("store-verify", parallelism);
             Stream<ObjectInfo> listing = store.list(prefix)) {
            listing.forEach(object -> {
                CatalogEntry entry;
                synchronized (expected) {
                    entry = expected.remove(object.key());
                }
                workers.submit(() -> add(checks, check(object.key(), Optional.ofNullable(entry))));
            });
        }
        expected.keySet().forEach(key -> add(checks, check(key, Optional.of(expected.get(key)))));
        checks.sort(Comparator.comparing(ObjectCheck::key));
        return checks;
    }

    private ObjectCheck check(String key, Optional<CatalogEntry> catalogued) {
        try {
            StoreSegmentSource source = StoreSegmentSource.open(store, key, SegmentArchive.TAIL_READ);
            String sha256 = SegmentVerifier.verify(source).sha256();
            if (catalogued.isEmpty()) {
                return new ObjectCheck(key, ObjectCheck.Status.UNCATALOGUED, "valid, but not in the catalog: run 'kaf-mirror store rebuild-catalog'");
            }
            if (!sha256.equals(catalogued.get().sha256())) {
                return new ObjectCheck(key, ObjectCheck.Status.SHA_MISMATCH, "every checksum inside is valid but its SHA-256 is " + sha256
                        + ", not the catalogued " + catalogued.get().sha256() + ": the object was replaced");
            }
            return new ObjectCheck(key, ObjectCheck.Status.OK, "");
        } catch (KeyNotFoundException e) {
            return new ObjectCheck(key, ObjectCheck.Status.MISSING, "catalogued but gone from " + store.location());
        } catch (CorruptSegmentException e) {
            return new ObjectCheck(key, ObjectCheck.Status.CORRUPT, e.getMessage());
        } catch (StoreException e) {
            return new ObjectCheck(key, ObjectCheck.Status.UNREADABLE, e.getMessage());
        }
    }

    private static void add(List<ObjectCheck> checks, ObjectCheck check) {
        synchronized (checks) {
            checks.add(check);
        }
    }

    /**
     * The verdict on one object.
     *
     * @param key    the object key
     * @param status the verdict
     * @param detail why, when not OK
     */
    public record ObjectCheck(String key, Status status, String detail) {

        /** Verdicts; all but OK and UNCATALOGUED mean the backup cannot be trusted for this object. */
        public enum Status {
            OK, UNCATALOGUED, CORRUPT, SHA_MISMATCH, MISSING, UNREADABLE;

            /** Whether this verdict means data is damaged or lost. */
            public boolean isFailure() {
                return this != OK && this != UNCATALOGUED;
            }
        }
    }
}
