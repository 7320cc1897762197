package io.kafmirror.bench;

import io.kafmirror.engine.restore.PartitionCut;
import io.kafmirror.engine.restore.RestorePlan;
import io.kafmirror.engine.restore.RestorePlanner;
import io.kafmirror.engine.restore.RestorePoint;
import io.kafmirror.engine.restore.RestoreRequest;
import io.kafmirror.kfs.catalog.CatalogChunk;
import io.kafmirror.kfs.catalog.CatalogEntry;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.store.LocalSegmentStore;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Plans restores to several points in a large backup, each time with a freshly opened catalog and store as a new
 * {@code kaf-mirror restore} process would: how long planning takes, and how many object reads it makes per partition
 * (each a GET on S3). Every plan is checked against the restore point rule applied to the generated records.
 */
final class PlanningAtScale {

    /** A restore point, named for the report. */
    record Lookup(String name, long millis) {
    }

    /**
     * The plans of one restore point.
     *
     * @param lookup               the restore point
     * @param planNanos            the duration of each plan, in order
     * @param openNanos            opening catalog and store before each plan, which planning does not include
     * @param records              records the plan restores
     * @param reads                object reads of one plan of the whole topic
     * @param bytesRead            bytes those reads returned
     * @param maxReadsPerPartition the most object reads the plan of a single partition made
     * @param maxReadsPerObject    the most reads of one object in the plan of the whole topic
     */
    record LookupResult(Lookup lookup, List<Long> planNanos, List<Long> openNanos, long records, int reads, long bytesRead,
                        int maxReadsPerPartition, int maxReadsPerObject) {
    }

    private static final String CLUSTER = SegmentFlusher.IDENTITY.sourceCluster();
    private static final String TOPIC = SegmentFlusher.IDENTITY.topic();

    private final PlanningArchive archive;
    private final RestoreBenchOptions options;

    /** Plans over {@code archive}. */
    PlanningAtScale(PlanningArchive archive, RestoreBenchOptions options) {
        this.archive = archive;
        this.options = options;
    }

    /** Plans every restore point {@code options.repeats()} times, one line per point to {@code log}. */
    List<LookupResult> run(PrintStream log) {
        List<LookupResult> results = new ArrayList<>();
        for (Lookup lookup : lookups()) {
            LookupResult r = plan(lookup);
            results.add(r);
            log.printf(Locale.ROOT, "planning %s: %s%n", lookup.name(), r.planNanos().stream()
                    .map(n -> String.format(Locale.ROOT, "%.1f ms", n / 1e6)).toList());
        }
        return results;
    }

    /**
     * The first record of the partition that starts last (so every partition restores something), the middle, the end,
     * both sides of the end of a segment in the middle of partition 0, and random points in between.
     */
    private List<Lookup> lookups() {
        List<PartitionTimeline> timelines = archive.timelines();
        long start = timelines.stream().mapToLong(PartitionTimeline::firstTimestamp).max().orElseThrow();
        long end = timelines.stream().mapToLong(PartitionTimeline::lastTimestamp).max().orElseThrow();
        CatalogChunk middle;
        try (SegmentCatalog catalog = SegmentCatalog.open(archive.catalogFile())) {
            List<CatalogEntry> segments = catalog.segments(CLUSTER, TOPIC, 0);
            middle = segments.get(segments.size() / 2).chunks().stream().filter(c -> c.partition() == 0).findFirst().orElseThrow();
        }
        List<Lookup> lookups = new ArrayList<>(List.of(new Lookup("start", start), new Lookup("middle", start + (end - start) / 2),
                new Lookup("end", end), new Lookup("segment end - 1 ms", middle.maxTimestamp() - 1),
                new Lookup("segment end + 1 ms", middle.maxTimestamp() + 1)));
        Random random = new Random(options.seed());
        for (int i = 0; i < options.lookups(); i++) {
            lookups.add(new Lookup("random " + (i + 1), start + (long) (random.nextDouble() * (end - start))));
        }
        return lookups;
    }

    private LookupResult plan(Lookup lookup) {
        RestoreRequest request = RestoreRequest.of(CLUSTER, TOPIC, new RestorePoint.AtTime(Instant.ofEpochMilli(lookup.millis())));
        List<Long> planNanos = new ArrayList<>();
        List<Long> openNanos = new ArrayList<>();
        RestorePlan plan = null;
        ReadCountingStore counted = null;
        for (int i = 0; i < options.repeats(); i++) {
            long start = System.nanoTime();
            try (SegmentCatalog catalog = SegmentCatalog.open(archive.catalogFile());
                 ReadCountingStore store = new ReadCountingStore(new LocalSegmentStore(archive.storeDir()))) {
                long opened = System.nanoTime();
                plan = new RestorePlanner(new SegmentArchive(store, catalog)).plan(request);
                planNanos.add(System.nanoTime() - opened);
                openNanos.add(opened - start);
                counted = store;
            }
            check(plan, lookup);
        }
        int perPartition = 0;
        try (SegmentCatalog catalog = SegmentCatalog.open(archive.catalogFile());
             LocalSegmentStore local = new LocalSegmentStore(archive.storeDir())) {
            for (int p = 0; p < archive.timelines().size(); p++) {
                ReadCountingStore store = new ReadCountingStore(local);
                new RestorePlanner(new SegmentArchive(store, catalog)).plan(request.withPartitions(Set.of(p)));
                perPartition = Math.max(perPartition, store.reads());
            }
        }
        int perObject = counted.readsByKey().values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return new LookupResult(lookup, planNanos, openNanos, plan.records(), counted.reads(), counted.bytesRead(), perPartition,
                perObject);
    }

    /** Fails unless every cut is where the restore point rule puts it in the generated records. */
    private void check(RestorePlan plan, Lookup lookup) {
        if (plan.cuts().size() != archive.timelines().size()) {
            throw new IllegalStateException("The plan for " + lookup + " cuts " + plan.cuts().size() + " partitions of "
                    + archive.timelines().size());
        }
        for (PartitionCut cut : plan.cuts()) {
            PartitionTimeline timeline = archive.timelines().get(cut.partition());
            PartitionTimeline.Cut expected = timeline.cutAt(lookup.millis());
            if (cut.firstOffset() != timeline.firstOffset() || cut.endOffset() != expected.endOffset()
                    || cut.records() != expected.records()) {
                throw new IllegalStateException("The plan for " + lookup + " cuts partition " + cut.partition() + " at offsets "
                        + cut.firstOffset() + ".." + cut.endOffset() + " (" + cut.records() + " records), the rule at offsets "
                        + timeline.firstOffset() + ".." + expected.endOffset() + " (" + expected.records() + " records)");
            }
        }
    }
}
