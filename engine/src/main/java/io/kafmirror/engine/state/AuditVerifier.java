package io.kafmirror.engine.state;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks an audit chain read from the database and names each break:
 * <ul>
 * <li>an entry whose hash does not match its content was edited;</li>
 * <li>an entry whose hash matches its content only at a nearby sequence number was moved: two such entries are out of
 *     order;</li>
 * <li>a sequence number without an entry is missing;</li>
 * <li>an entry whose previous hash is not the hash of the entry before it says that entry was rewritten (its hash
 *     recomputed after an edit);</li>
 * <li>a head or an anchor beyond the last entry says the log was truncated; an anchor whose hash is not the entry's
 *     says the history up to it was rewritten, however consistent it now is.</li>
 * </ul>
 */
final class AuditVerifier {

    // How far from its place a moved entry is looked for: reordering is told from editing within this distance.
    private static final int MOVE_DISTANCE = 8;

    private final List<AuditEntry> stored;
    private final AuditHead head;
    private final List<AuditAnchor> anchors;
    private final List<AuditFinding> findings = new ArrayList<>();

    AuditVerifier(List<AuditEntry> stored, AuditHead head, List<AuditAnchor> anchors) {
        this.stored = stored;
        this.head = head;
        this.anchors = anchors;
    }

    AuditVerification verify() {
        Set<Long> edited = new HashSet<>();
        Map<Long, Long> moved = new LinkedHashMap<>();
        TreeMap<Long, AuditEntry> byTruePlace = new TreeMap<>();
        for (AuditEntry e : stored) {
            long place = e.seq();
            if (!AuditHash.of(e).equals(e.hash())) {
                Long truePlace = movedFrom(e);
                if (truePlace == null) {
                    edited.add(e.seq());
                    findings.add(new AuditFinding(e.seq(), "entry " + e.seq() + " was edited (its hash does not match its content)"));
                } else {
                    moved.put(e.seq(), truePlace);
                    place = truePlace;
                }
            }
            byTruePlace.putIfAbsent(place, e);
        }
        reportMoves(moved);
        checkLinks(byTruePlace, edited);
        long last = byTruePlace.isEmpty() ? 0 : byTruePlace.lastKey();
        checkHead(byTruePlace, last);
        for (AuditAnchor anchor : anchors) {
            checkAnchor(anchor, byTruePlace, last);
        }
        findings.sort(Comparator.comparingLong(AuditFinding::seq));
        return new AuditVerification(head, stored.size(), last, anchors.size(), findings);
    }

    private static Long movedFrom(AuditEntry e) {
        for (long k = Math.max(1, e.seq() - MOVE_DISTANCE); k <= e.seq() + MOVE_DISTANCE; k++) {
            if (k != e.seq() && AuditHash.of(k, e, e.previousHash()).equals(e.hash())) {
                return k;
            }
        }
        return null;
    }

    private void reportMoves(Map<Long, Long> moved) {
        Set<Long> reported = new HashSet<>();
        moved.forEach((at, belongs) -> {
            if (reported.add(at)) {
                if (at.equals(moved.get(belongs))) {
                    reported.add(belongs);
                    findings.add(new AuditFinding(Math.min(at, belongs), "entries " + Math.min(at, belongs) + " and "
                            + Math.max(at, belongs) + " are out of order"));
                } else {
                    findings.add(new AuditFinding(at, "entry " + at + " is out of order (it holds entry " + belongs + ")"));
                }
            }
        });
    }

    private void checkLinks(TreeMap<Long, AuditEntry> entries, Set<Long> edited) {
        long previous = 0;
        String previousHash = AuditHash.GENESIS;
        for (Map.Entry<Long, AuditEntry> at : entries.entrySet()) {
            long seq = at.getKey();
            AuditEntry e = at.getValue();
            if (seq > previous + 1) {
                String which = seq == previous + 2 ? "entry " + (previous + 1) + " is missing"
                        : "entries " + (previous + 1) + " to " + (seq - 1) + " are missing";
                findings.add(new AuditFinding(previous + 1, which + (previous == 0 ? " (the log starts at " + seq + ")"
                        : " (" + previous + " is followed by " + seq + ")")));
            } else if (!e.previousHash().equals(previousHash) && !edited.contains(seq) && !edited.contains(previous)) {
                findings.add(new AuditFinding(previous, "entry " + previous + " was rewritten (entry " + seq
                        + " holds another hash for it)"));
            }
            previous = seq;
            previousHash = e.hash();
        }
    }

    private void checkHead(TreeMap<Long, AuditEntry> entries, long last) {
        if (head.seq() > last) {
            findings.add(new AuditFinding(last + 1, "the log ends at " + last + " but its head says it went on to "
                    + head.seq() + " — truncated"));
        } else if (head.seq() < last) {
            findings.add(new AuditFinding(head.seq() + 1, "the log goes on to " + last + " but its head ends at " + head.seq()
                    + " — entries after " + head.seq() + " were added outside kaf-mirror"));
        } else if (last > 0 && !entries.get(last).hash().equals(head.hash())) {
            findings.add(new AuditFinding(last, "entry " + last + " is not the entry the head ends with (their hashes differ)"));
        }
    }

    private void checkAnchor(AuditAnchor anchor, TreeMap<Long, AuditEntry> entries, long last) {
        if (anchor.seq() > last) {
            findings.add(new AuditFinding(last + 1, "the log ends at " + last + " but anchor at sequence " + anchor.seq()
                    + " in store " + anchor.store() + " says it went further — truncated"));
            return;
        }
        AuditEntry e = entries.get(anchor.seq());
        if (e != null && !e.hash().equals(anchor.hash())) {
            findings.add(new AuditFinding(anchor.seq(), "entry " + anchor.seq() + " does not match the anchor at sequence "
                    + anchor.seq() + " in store " + anchor.store() + " (" + anchor.key() + ", written " + anchor.anchoredAt()
                    + "): the history up to it was rewritten"));
        }
    }
}
