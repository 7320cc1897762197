package io.kafmirror.bench;

import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.format.SegmentWriterConfig;
import io.kafmirror.kfs.store.LocalSegmentStore;
import io.kafmirror.kfs.store.ObjectRetention;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * A large backup built without a broker: {@link SmallEvents} in a {@link RecordStream}, written by the segment writer
 * with the engine's defaults (zstd, 128 KiB batches, an index entry every 4 KiB) in flushes of the given size, each
 * segment published into a local store and its catalog as the engine publishes. Keeps each partition's
 * {@link PartitionTimeline}, the reference for checking plans.
 */
final class PlanningArchive {

    /**
     * What was built.
     *
     * @param segments    segments stored
     * @param storedBytes their bytes in the store
     * @param payload     records and payload written
     * @param nanos       how long building took
     */
    record Summary(int segments, long storedBytes, Tally payload, long nanos) {
    }

    private final Path dir;
    private final List<PartitionTimeline> timelines;
    private final Summary summary;

    private PlanningArchive(Path dir, List<PartitionTimeline> timelines, Summary summary) {
        this.dir = dir;
        this.timelines = timelines;
        this.summary = summary;
    }

    /** Builds a backup of {@code records} records over {@code partitions} partitions in {@code dir}. */
    static PlanningArchive build(Path dir, long records, int partitions, long flushBytes, long seed) {
        long start = System.nanoTime();
        List<PartitionTimeline> timelines = IntStream.range(0, partitions).mapToObj(p -> new PartitionTimeline()).toList();
        Random random = new Random(seed);
        RecordStream stream = new RecordStream(random, partitions, new SmallEvents(random)::next);
        Tally payload = new Tally();
        Iterator<PartitionRecord> limited = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return payload.records() < records;
            }

            @Override
            public PartitionRecord next() {
                PartitionRecord r = stream.next();
                timelines.get(r.partition()).add(r.record().offset(), r.record().timestamp());
                payload.add(r.record().key(), r.record().value(), r.record().headers());
                return r;
            }
        };
        int[] segments = new int[1];
        long[] storedBytes = new long[1];
        try (SegmentCatalog catalog = SegmentCatalog.open(catalogFile(dir));
             LocalSegmentStore store = new LocalSegmentStore(storeDir(dir))) {
            SegmentArchive archive = new SegmentArchive(store, catalog);
            new SegmentFlusher(SegmentWriterConfig.DEFAULT, flushBytes).write(limited, segment -> {
                archive.publish(segment, ObjectRetention.NONE, false);
                segments[0]++;
                storedBytes[0] += segment.bytes().length;
            });
        }
        return new PlanningArchive(dir, timelines, new Summary(segments[0], storedBytes[0], payload, System.nanoTime() - start));
    }

    /** The catalog's file (H2 adds {@code .mv.db}). */
    Path catalogFile() {
        return catalogFile(dir);
    }

    /** The local store's folder. */
    Path storeDir() {
        return storeDir(dir);
    }

    /** The partitions' timelines, by partition. */
    List<PartitionTimeline> timelines() {
        return timelines;
    }

    Summary summary() {
        return summary;
    }

    private static Path catalogFile(Path dir) {
        return dir.resolve("catalog");
    }

    private static Path storeDir(Path dir) {
        return dir.resolve("store");
    }
}
