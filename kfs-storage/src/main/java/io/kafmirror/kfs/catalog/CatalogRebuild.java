package io.kafmirror.kfs.catalog;

import io.kafmirror.kfs.format.CorruptSegmentException;
import io.kafmirror.kfs.format.SegmentReader;
import io.kafmirror.kfs.store.ObjectInfo;
import io.kafmirror.kfs.store.SegmentKey;
import io.kafmirror.kfs.store.SegmentStore;
import io.kafmirror.kfs.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Rebuilds the catalog from the store alone: one listing of {@code segments/}, then one ranged
 * read of each object's tail (trailer, footer and metadata). A new workstation pointed at an
 * existing bucket sees the whole backup this way. Objects that are not valid segments are
 * reported, never skipped silently, and never stop the rebuild.
 */
public final class CatalogRebuild {

    private final SegmentStore store;
    private final SegmentCatalog catalog;
    private final int parallelism;

    /** A rebuild of {@code catalog} from {@code store} reading {@code parallelism} objects at a time. */
    public CatalogRebuild(SegmentStore store, SegmentCatalog catalog, int parallelism) {
        this.store = store;
        this.catalog = catalog;
        this.parallelism = parallelism;
    }

    /** Forgets the catalog's content and fills it again from the store. */
    public RebuildReport run() {
        long start = System.nanoTime();
        catalog.clear();
        return catalogueAll(List.of(SegmentKey.ROOT), start);
    }

    /**
     * Adds the segments of {@code topic} that are in the store but not in the catalog: what a crash
     * between storing a segment and cataloguing it leaves behind. Lists only the hours since the
     * newest catalogued segment of the topic (all of the topic when it has none), with an hour of
     * slack for clocks of other writers.
     */
    public RebuildReport catchUp(String cluster, String topic, Instant now) {
        long start = System.nanoTime();
        Optional<Instant> newest = catalog.segments(cluster, topic).stream()
                .map(CatalogEntry::sealedAt)
                .max(Comparator.naturalOrder());
        List<String> prefixes = newest.isEmpty()
                ? List.of(SegmentKey.topicPrefix(cluster, topic))
                : SegmentKey.hourPrefixes(cluster, topic, newest.get().minus(Duration.ofHours(1)),
                        now.plus(Duration.ofHours(1)));
        return catalogueAll(prefixes, start);
    }

    private RebuildReport catalogueAll(List<String> prefixes, long start) {
        AtomicInteger catalogued = new AtomicInteger();
        List<StoreProblem> problems = new ArrayList<>();
        try (BoundedParallelism workers = new BoundedParallelism("catalog-rebuild", parallelism)) {
            for (String prefix : prefixes) {
                try (Stream<ObjectInfo> listing = store.list(prefix)) {
                    listing.filter(object -> catalog.find(object.key()).isEmpty())
                            .forEach(object -> workers.submit(() -> {
                                Optional<StoreProblem> problem = catalogue(object.key());
                                if (problem.isPresent()) {
                                    synchronized (problems) {
                                        problems.add(problem.get());
                                    }
                                } else {
                                    catalogued.incrementAndGet();
                                }
                            }));
                }
            }
        }
        problems.sort(Comparator.comparing(StoreProblem::key));
        return new RebuildReport(catalogued.get(), problems, Duration.ofNanos(System.nanoTime() - start));
    }

    private Optional<StoreProblem> catalogue(String key) {
        Optional<SegmentKey> parsed = SegmentKey.parse(key);
        if (parsed.isEmpty()) {
            return Optional.of(new StoreProblem(key, "not a segment key; something other than kaf-mirror wrote under " + SegmentKey.ROOT));
        }
        try {
            StoreSegmentSource source = StoreSegmentSource.open(store, key, SegmentArchive.TAIL_READ);
            SegmentReader reader = SegmentReader.open(source);
            SegmentKey described = SegmentKey.of(reader.footer());
            if (!described.equals(parsed.get())) {
                return Optional.of(new StoreProblem(key, "its footer describes the segment " + described
                        + ": the object was copied or renamed to the wrong key"));
            }
            SegmentMetadata metadata = SegmentMetadata.from(source.tail().info().metadata());
            catalog.add(CatalogEntry.of(key, reader.footer(), source.size(), metadata.sha256(), metadata.retention(), metadata.legalHold()));
            return Optional.empty();
        } catch (CorruptSegmentException | StoreException | IllegalArgumentException | CatalogConflictException e) {
            return Optional.of(new StoreProblem(key, e.getMessage()));
        }
    }

    /**
     * What a rebuild did.
     *
     * @param catalogued segments now in the catalog
     * @param problems   objects under {@code segments/} that could not be catalogued, by key
     * @param took       how long it took
     */
    public record RebuildReport(int catalogued, List<StoreProblem> problems, Duration took) {

        public RebuildReport {
            problems = List.copyOf(problems);
        }
    }
}
