package io.kafmirror.engine.evidence;

import java.util.List;

/**
 * The seam where a part of the product built apart from the pack plugs its evidence in: the hash-chained audit log with
 * its verification result ({@code engine/audit}) and the scheduled restore drills. Until a part lands, the pack carries
 * its section saying it is not available in this version.
 */
@FunctionalInterface
public interface FindingsSource {

    /** The findings of the period. */
    Findings collect(EvidencePeriod period);

    /** The restore drills, until they land: an empty {@code restore-drills} table. */
    static FindingsSource drillsNotAvailable() {
        return notAvailable("Restore drills", "restore-drills", List.of("id", "job", "started_at", "result"));
    }

    /** The audit trail and its chain verification, until they land: an empty {@code audit-log} table. */
    static FindingsSource auditTrailNotAvailable() {
        return notAvailable("Audit trail and its chain verification", "audit-log",
                List.of("sequence", "at", "actor", "action", "target", "outcome", "hash"));
    }

    /** A part not in this version: an empty table {@code name} with {@code columns}, and a sentence saying so. */
    static FindingsSource notAvailable(String what, String name, List<String> columns) {
        return period -> new Findings(false, what + ": not available in this version.", new EvidenceTable(name, columns, List.of()));
    }
}
