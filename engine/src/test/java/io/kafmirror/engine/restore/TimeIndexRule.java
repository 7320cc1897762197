package io.kafmirror.engine.restore;

import io.kafmirror.kfs.format.KfsRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The restore point rule of {@code docs/restore.md} applied by brute force to a whole partition log, record by
 * record: the reference the planner's cuts and the restored topics are compared with.
 */
final class TimeIndexRule {

    private TimeIndexRule() {
    }

    /**
     * The records of {@code log} (one partition, in offset order) a restore to {@code to} takes: those before the first
     * whose max-timestamp-so-far exceeds {@code to}, from the first reaching {@code from} (null: from the start), and
     * under {@code strict} none earlier than {@code from}.
     */
    static List<KfsRecord> restored(List<KfsRecord> log, Long from, long to, boolean strict) {
        List<KfsRecord> out = new ArrayList<>();
        long maxSoFar = Long.MIN_VALUE;
        boolean started = from == null;
        for (KfsRecord r : log) {
            maxSoFar = Math.max(maxSoFar, r.timestamp());
            if (maxSoFar > to) {
                break;
            }
            if (!started && maxSoFar >= from) {
                started = true;
            }
            if (started && (!strict || from == null || r.timestamp() >= from)) {
                out.add(r);
            }
        }
        return out;
    }
}
