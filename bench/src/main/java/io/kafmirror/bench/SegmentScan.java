package io.kafmirror.bench;

import io.kafmirror.kfs.format.ChunkEntry;
import io.kafmirror.kfs.format.KfsRecord;
import io.kafmirror.kfs.format.SegmentReader;
import java.util.Iterator;

/** Reads every record of a segment the way a restore does: partition by partition through the lazy, ranged read path. */
final class SegmentScan {

    private SegmentScan() {
    }

    /** Counts every record {@code reader} returns into {@code tally}. */
    static void readAll(SegmentReader reader, Tally tally) {
        for (ChunkEntry chunk : reader.footer().chunks()) {
            Iterator<KfsRecord> records = reader.read(chunk.partition(), chunk.firstOffset());
            while (records.hasNext()) {
                KfsRecord r = records.next();
                tally.add(r.key(), r.value(), r.headers());
            }
        }
    }
}
