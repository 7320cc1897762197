package io.kafmirror.engine.evidence;

import io.kafmirror.engine.audit.AuditAnchoring;
import io.kafmirror.engine.state.AuditEntry;
import io.kafmirror.engine.state.AuditFilter;
import io.kafmirror.engine.state.AuditFinding;
import io.kafmirror.engine.state.AuditVerification;
import io.kafmirror.engine.state.StateDatabase;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit trail of a pack's period: its entries as the {@code audit-log} table, every field an auditor needs to recompute
 * the hashes (docs/audit.md), and as the sentence the verification of the whole chain against the anchors in the
 * configured stores, as {@code kaf-mirror audit verify} checks it: intact, or each break found.
 */
public final class AuditFindings implements FindingsSource {

    private static final String TABLE = "audit-log";
    private static final List<String> COLUMNS = List.of("sequence", "at", "actor", "action", "target", "parameters", "outcome", "reason",
            "prev_hash", "hash");
    // What the report shows of each entry; the parameters and hashes are in the CSV and JSON.
    private static final List<String> SHOWN = List.of("sequence", "at", "actor", "action", "target", "outcome");

    private static final int ROW_LIMIT = EvidenceCollector.ROW_LIMIT;

    private final StateDatabase state;
    private final AuditAnchoring anchoring;

    /**
     * The audit log of {@code state}, verified against the anchors that {@code anchoring} reads from the configured stores,
     * listing at most {@link EvidenceCollector#ROW_LIMIT} entries of a period: its first.
     */
    public AuditFindings(StateDatabase state, AuditAnchoring anchoring) {
        this.state = state;
        this.anchoring = anchoring;
    }

    @Override
    public Findings collect(EvidencePeriod period) {
        List<AuditEntry> entries = state.audit().list(new AuditFilter(period.from(), period.to(), null, null, ROW_LIMIT + 1));
        List<List<Object>> rows = new ArrayList<>();
        for (AuditEntry e : entries.subList(0, Math.min(ROW_LIMIT, entries.size()))) {
            List<Object> row = new ArrayList<>(List.of(e.seq(), e.at().toString(), e.actor(), e.action(), e.target(), e.parameters(),
                    e.outcome().name()));
            row.add(e.reason());
            row.add(e.previousHash());
            row.add(e.hash());
            rows.add(row);
        }
        String listed = entries.size() > ROW_LIMIT
                ? " The period has more entries than a pack lists: data/audit-log.csv holds its first " + ROW_LIMIT
                        + ", the later ones are only in the state database."
                : " " + entries.size() + (entries.size() == 1 ? " entry" : " entries") + " in the period.";
        return new Findings(true, verified() + listed, new EvidenceTable(TABLE, COLUMNS, rows), SHOWN);
    }

    // A store that cannot be read (S3 down) leaves the chain checked alone, and the pack says so, rather than no pack.
    private String verified() {
        try {
            return verified(anchoring.verify());
        } catch (RuntimeException e) {
            AuditVerification v = state.audit().verify(List.of());
            return "The anchors in the stores could not be read (" + e.getMessage() + "): the chain was checked alone. "
                    + (v.intact() ? "The audit chain of " + v.entries() + " entries verified." : broken(v, "itself"));
        }
    }

    private static String verified(AuditAnchoring.Checked checked) {
        AuditVerification v = checked.verification();
        String anchors = v.anchorsChecked() + (v.anchorsChecked() == 1 ? " anchor" : " anchors") + " in " + checked.stores().size()
                + (checked.stores().size() == 1 ? " store" : " stores");
        String sentence;
        if (v.intact()) {
            sentence = "The audit chain of " + v.entries() + " entries verified, " + anchors + " match.";
        } else {
            sentence = broken(v, "itself and " + anchors);
        }
        if (!checked.otherChains().isEmpty()) {
            sentence += " Anchors of another audit chain are in " + String.join(", ", checked.otherChains())
                    + " (another kaf-mirror sharing the store, or a state database replaced since).";
        }
        return sentence;
    }

    private static String broken(AuditVerification v, String against) {
        List<String> breaks = v.findings().stream().map(AuditFinding::message).toList();
        return "The audit chain of " + v.entries() + " entries does NOT verify against " + against + ": " + breaks.size()
                + (breaks.size() == 1 ? " break" : " breaks") + " found: " + String.join("; ", breaks) + ".";
    }
}
