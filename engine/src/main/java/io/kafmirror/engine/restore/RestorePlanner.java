package io.kafmirror.engine.restore;

import io.kafmirror.kfs.catalog.CatalogEntry;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.format.TimeCut;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns a {@link RestoreRequest} into a {@link RestorePlan} from the catalog and the segment indexes:
 * it opens only the segment in which a partition's cut (or window start) falls — its footer, sparse
 * index and the batches around the cut; where the chunk's offsets have holes, those from the chunk's start
 * up to the cut in the same single read, to count them — and never scans the backup. Under strict
 * timestamps it also counts the records of the window's chunks that hold one earlier than its start (the
 * catalog knows each chunk's smallest timestamp). The rule is in {@code docs/restore.md}.
 */
public final class RestorePlanner {

    private final SegmentArchive archive;

    /** A planner over {@code archive}. */
    public RestorePlanner(SegmentArchive archive) {
        this.archive = archive;
    }

    /** The plan of {@code request}; a {@link RestorePlanException} says what the backup holds when it cannot be met. */
    public RestorePlan plan(RestoreRequest request) {
        SegmentCatalog catalog = archive.catalog();
        List<CatalogEntry> segments = catalog.segments(request.cluster(), request.topic());
        if (segments.isEmpty()) {
            throw unknownTopic(catalog, request);
        }
        List<String> warnings = new ArrayList<>();
        UUID generation = generation(segments, request, warnings);
        Map<Integer, List<StoredChunk>> partitions = StoredChunk.byPartition(segments, generation);
        checkPartitions(request, partitions);
        List<PartitionCut> cuts = new ArrayList<>();
        for (Map.Entry<Integer, List<StoredChunk>> p : partitions.entrySet()) {
            if (wanted(request, p.getKey())) {
                cuts.add(new PartitionPlanning(p.getKey(), p.getValue()).cut(request));
            }
        }
        if (request.point() instanceof RestorePoint.AtTime to) {
            checkTime(request, to.at(), partitions, cuts, warnings);
        }
        return new RestorePlan(request, generation, cuts, warnings);
    }

    private static boolean wanted(RestoreRequest request, int partition) {
        if (request.point() instanceof RestorePoint.AtOffsets at && !at.ends().containsKey(partition)) {
            return false;
        }
        return request.partitions().isEmpty() || request.partitions().contains(partition);
    }

    private static RestorePlanException unknownTopic(SegmentCatalog catalog, RestoreRequest request) {
        List<String> topics = catalog.topics(request.cluster());
        if (topics.isEmpty()) {
            return new RestorePlanException("The backup holds nothing of cluster '" + request.cluster() + "'; it holds the"
                    + " clusters " + catalog.clusters() + ". Name one of those, or rebuild the catalog if the store holds more.");
        }
        return new RestorePlanException("The backup of cluster '" + request.cluster() + "' holds no topic '" + request.topic()
                + "'; it holds " + topics + ".");
    }

    /** The generation asked for, or the newest, warning when older ones exist. */
    private static UUID generation(List<CatalogEntry> segments, RestoreRequest request, List<String> warnings) {
        Set<UUID> generations = new LinkedHashSet<>();
        Map<UUID, Instant> firstSealed = new TreeMap<>();
        for (CatalogEntry e : segments) {
            generations.add(e.topicId());
            firstSealed.merge(e.topicId(), e.sealedAt(), (a, b) -> a.isBefore(b) ? a : b);
        }
        List<UUID> byAge = generations.stream().sorted(Comparator.comparing(firstSealed::get)).toList();
        if (request.generation() != null) {
            if (!generations.contains(request.generation())) {
                throw new RestorePlanException("Topic '" + request.topic() + "' has no generation " + request.generation()
                        + " in the backup; it has " + describe(byAge, firstSealed) + ".");
            }
            return request.generation();
        }
        UUID newest = byAge.get(byAge.size() - 1);
        if (byAge.size() > 1) {
            warnings.add("Topic '" + request.topic() + "' was deleted and created again on the source; the backup holds "
                    + byAge.size() + " generations (" + describe(byAge, firstSealed) + "). This plan restores the newest, "
                    + newest + "; choose another with its topic id.");
        }
        return newest;
    }

    private static String describe(List<UUID> generations, Map<UUID, Instant> firstSealed) {
        return generations.stream().map(g -> g + " stored from " + firstSealed.get(g)).collect(Collectors.joining(", "));
    }

    private static void checkPartitions(RestoreRequest request, Map<Integer, List<StoredChunk>> partitions) {
        List<Integer> missing = request.partitions().stream().filter(p -> !partitions.containsKey(p)).toList();
        if (!missing.isEmpty()) {
            throw new RestorePlanException("The backup of topic '" + request.topic() + "' holds no records of partition(s) "
                    + missing + "; it holds partitions " + partitions.keySet() + ".");
        }
        if (request.point() instanceof RestorePoint.AtOffsets at) {
            List<Integer> unknown = at.ends().keySet().stream().filter(p -> !partitions.containsKey(p)).toList();
            if (!unknown.isEmpty()) {
                throw new RestorePlanException("The restore point names partition(s) " + unknown + " of which the backup of"
                        + " topic '" + request.topic() + "' holds no records; it holds partitions " + partitions.keySet() + ".");
            }
        }
    }

    private static void checkTime(RestoreRequest request, Instant at, Map<Integer, List<StoredChunk>> partitions,
                                  List<PartitionCut> cuts, List<String> warnings) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (List<StoredChunk> chunks : partitions.values()) {
            for (StoredChunk c : chunks) {
                first = Math.min(first, c.chunk().minTimestamp());
                last = Math.max(last, c.chunk().maxTimestamp());
            }
        }
        if (cuts.stream().allMatch(PartitionCut::isEmpty)) {
            throw new RestorePlanException("Nothing of topic '" + request.topic() + "' was stored "
                    + (request.from() == null ? "at or before " + at : "between " + request.from() + " and " + at)
                    + ": its backup holds records from " + Instant.ofEpochMilli(first) + " to " + Instant.ofEpochMilli(last)
                    + ". Choose a restore point in that range.");
        }
        if (at.toEpochMilli() > last) {
            warnings.add("The restore point " + at + " is after the last stored record of topic '" + request.topic() + "' ("
                    + Instant.ofEpochMilli(last) + "): everything stored is restored, and what the source received after "
                    + Instant.ofEpochMilli(last) + " is not in the backup.");
        }
    }

    /** The cut of one partition: its chunks in offset order, read only where the cut falls. */
    private final class PartitionPlanning {

        private final int partition;
        private final List<StoredChunk> chunks;
        // Found with the cut at a time: the chunk it falls in and how many of its records precede it, so the count of
        // that chunk needs no second read of it.
        private StoredChunk cutChunk;
        private long recordsBeforeCut;

        PartitionPlanning(int partition, List<StoredChunk> chunks) {
            this.partition = partition;
            this.chunks = chunks;
        }

        PartitionCut cut(RestoreRequest request) {
            long start = request.from() == null ? chunks.get(0).chunk().firstOffset() : offsetReaching(request.from().toEpochMilli());
            long end = request.point() instanceof RestorePoint.AtTime to
                    ? endAt(to.at().toEpochMilli())
                    : ((RestorePoint.AtOffsets) request.point()).ends().get(partition);
            if (end <= start) {
                return PartitionCut.empty(partition, start);
            }
            long records = 0;
            long bytes = 0;
            List<String> keys = new ArrayList<>();
            for (StoredChunk c : chunks) {
                boolean countedAtCut = c == cutChunk && start <= c.chunk().firstOffset()
                        && request.lowestTimestamp() == Long.MIN_VALUE;
                long taken = countedAtCut ? recordsBeforeCut : c.records(archive, start, end, request.lowestTimestamp());
                if (taken > 0) {
                    records += taken;
                    bytes += c.chunk().bytes() * taken / c.chunk().recordCount();
                    keys.add(c.key());
                }
            }
            return new PartitionCut(partition, start, end, records, bytes, keys);
        }

        /**
         * The first offset not restored at {@code millis}: that of the first record whose max-timestamp-so-far exceeds
         * it. Chunks before the first whose largest timestamp exceeds it are all in; in that chunk, it is the first
         * record later than {@code millis}, as nothing before it was.
         */
        private long endAt(long millis) {
            for (StoredChunk c : chunks) {
                if (c.chunk().maxTimestamp() > millis) {
                    TimeCut cut = archive.open(c.key()).cutAfter(partition, millis).orElseThrow(() -> new IllegalStateException(
                            "Segment " + c.key() + " says partition " + partition + " reaches timestamp "
                                    + c.chunk().maxTimestamp() + " but holds no record after " + millis));
                    cutChunk = c;
                    recordsBeforeCut = cut.recordsBefore();
                    return cut.offset();
                }
            }
            return chunks.get(chunks.size() - 1).chunk().lastOffset() + 1;
        }

        /** The offset of the first record whose max-timestamp-so-far reaches {@code millis}; past the end if none does. */
        private long offsetReaching(long millis) {
            for (StoredChunk c : chunks) {
                if (c.chunk().maxTimestamp() >= millis) {
                    return firstAtOrAfter(c, millis);
                }
            }
            return chunks.get(chunks.size() - 1).chunk().lastOffset() + 1;
        }

        private long firstAtOrAfter(StoredChunk c, long millis) {
            OptionalLong offset = archive.open(c.key()).offsetForTimestamp(partition, millis);
            return offset.orElseThrow(() -> new IllegalStateException("Segment " + c.key() + " says partition " + partition
                    + " reaches timestamp " + c.chunk().maxTimestamp() + " but holds no record at or after " + millis));
        }
    }
}
