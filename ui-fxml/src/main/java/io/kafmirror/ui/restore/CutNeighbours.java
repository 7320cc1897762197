package io.kafmirror.ui.restore;

import io.kafmirror.engine.restore.PartitionCut;
import io.kafmirror.engine.restore.RestorePlan;
import io.kafmirror.kfs.catalog.CatalogChunk;
import io.kafmirror.kfs.catalog.CatalogEntry;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.format.KfsRecord;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The last records a plan restores of one partition and the first it leaves out. Reads only around the cut: the
 * segment reader starts at the index entry before the offset asked for, and the window before the cut widens only
 * while offset holes (compaction, transaction markers) leave too few records in it. Blocks: call it off the FX thread.
 */
final class CutNeighbours {

    private final SegmentArchive archive;
    private final int count;

    /** Up to {@code count} records either side, read from {@code archive}. */
    CutNeighbours(SegmentArchive archive, int count) {
        this.archive = archive;
        this.count = count;
    }

    /** The records before the cut of {@code partition} in {@code plan}, then those after it, in offset order. */
    List<PreviewRecord> around(RestorePlan plan, int partition) {
        PartitionCut cut = plan.cuts().stream().filter(c -> c.partition() == partition).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The plan restores no partition " + partition));
        List<Located> chunks = archive.catalog().segments(plan.request().cluster(), plan.request().topic(), partition).stream()
                .filter(e -> e.topicId().equals(plan.topicId()))
                .flatMap(e -> e.chunks().stream().filter(c -> c.partition() == partition).map(c -> new Located(e, c)))
                .toList();
        List<PreviewRecord> shown = new ArrayList<>();
        before(chunks, cut).forEach(r -> shown.add(PreviewRecord.of(r, true)));
        after(chunks, cut.endOffset()).forEach(r -> shown.add(PreviewRecord.of(r, false)));
        return shown;
    }

    private List<KfsRecord> before(List<Located> chunks, PartitionCut cut) {
        List<KfsRecord> found = new ArrayList<>();
        for (int i = chunks.size() - 1; i >= 0 && found.size() < count; i--) {
            CatalogChunk c = chunks.get(i).chunk();
            long upTo = Math.min(cut.endOffset(), c.lastOffset() + 1);
            long lowest = Math.max(c.firstOffset(), cut.firstOffset());
            if (upTo <= lowest) {
                continue;
            }
            int wanted = count - found.size();
            List<KfsRecord> read;
            long window = 2L * count;
            while (true) {
                long from = Math.max(lowest, upTo - window);
                read = read(chunks.get(i), from, upTo, Integer.MAX_VALUE);
                if (read.size() >= wanted || from == lowest) {
                    break;
                }
                window *= 4;
            }
            found.addAll(0, read.subList(Math.max(0, read.size() - wanted), read.size()));
        }
        return found;
    }

    private List<KfsRecord> after(List<Located> chunks, long cutOffset) {
        List<KfsRecord> found = new ArrayList<>();
        for (Located located : chunks) {
            if (found.size() >= count) {
                break;
            }
            if (located.chunk().lastOffset() >= cutOffset) {
                found.addAll(read(located, Math.max(cutOffset, located.chunk().firstOffset()), Long.MAX_VALUE, count - found.size()));
            }
        }
        return found;
    }

    /** At most {@code max} records of the chunk with offsets from {@code from} up to, not including, {@code upTo}. */
    private List<KfsRecord> read(Located located, long from, long upTo, int max) {
        List<KfsRecord> records = new ArrayList<>();
        Iterator<KfsRecord> it = archive.open(located.segment().key()).read(located.chunk().partition(), from);
        while (it.hasNext() && records.size() < max) {
            KfsRecord r = it.next();
            if (r.offset() >= upTo) {
                break;
            }
            records.add(r);
        }
        return records;
    }

    /** A partition's chunk and the segment holding it. */
    private record Located(CatalogEntry segment, CatalogChunk chunk) {
    }
}
