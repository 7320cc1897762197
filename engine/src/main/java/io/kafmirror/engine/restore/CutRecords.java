package io.kafmirror.engine.restore;

import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.format.KfsRecord;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The records of one {@link PartitionCut}, in offset order, read lazily segment by segment, without those earlier
 * than the request's lowest timestamp (strict timestamps); every read is checked by the segment reader, so a damaged
 * segment stops the restore with its key and position.
 */
final class CutRecords implements Iterator<KfsRecord> {

    private final SegmentArchive archive;
    private final PartitionCut cut;
    private final long lowestTimestamp;
    private final Iterator<String> keys;
    private Iterator<KfsRecord> current = Collections.emptyIterator();
    private KfsRecord next;
    private long position;
    private boolean ended;

    /** The records of {@code cut} that {@code request} restores, from the cut's first offset. */
    CutRecords(SegmentArchive archive, PartitionCut cut, RestoreRequest request) {
        this.archive = archive;
        this.cut = cut;
        this.lowestTimestamp = request.lowestTimestamp();
        this.keys = cut.segments().iterator();
        this.position = cut.firstOffset();
    }

    @Override
    public boolean hasNext() {
        while (next == null && !ended) {
            if (current.hasNext()) {
                KfsRecord r = current.next();
                if (r.offset() >= cut.endOffset()) {
                    ended = true;
                    return false;
                }
                if (r.offset() >= position && r.timestamp() >= lowestTimestamp) {
                    next = r;
                }
            } else if (keys.hasNext()) {
                current = archive.open(keys.next()).read(cut.partition(), position);
            } else {
                ended = true;
            }
        }
        return next != null;
    }

    @Override
    public KfsRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        KfsRecord r = next;
        next = null;
        position = r.offset() + 1;
        return r;
    }
}
