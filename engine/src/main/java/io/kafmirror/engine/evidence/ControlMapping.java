package io.kafmirror.engine.evidence;

import java.util.List;

/**
 * Where in the pack an auditor finds the evidence for each requirement of DORA Article 12(1) to (4) and the NIS2 areas
 * the product serves. It points to evidence; whether the evidence satisfies the requirement is the auditor's judgement.
 */
public final class ControlMapping {

    /** The columns of {@code data/control-mapping.csv}. */
    public static final List<String> COLUMNS = List.of("framework", "reference", "requirement", "report_section", "files");

    private ControlMapping() {
    }

    /** The mapping table. */
    public static EvidenceTable table() {
        return new EvidenceTable(EvidenceData.CONTROLS, COLUMNS, List.of(
                row("DORA", "Art. 12(1)", "Backup policies and procedures: scope of the data backed up and minimum frequency;"
                        + " restoration and recovery procedures and methods",
                        "1 Scope; 2 Backup coverage and recovery point", EvidenceData.CLUSTERS, EvidenceData.STORES, EvidenceData.JOBS,
                        EvidenceData.COVERAGE, EvidenceData.RPO),
                row("DORA", "Art. 12(2)", "Backup systems activated per the policies without jeopardising the security,"
                        + " availability, authenticity, integrity or confidentiality of data; periodic testing of backup and"
                        + " restoration", "3 Gaps and incidents; 5 Restores; 6 Restore drills", EvidenceData.ALERTS, EvidenceData.HISTORY,
                        EvidenceData.RESTORES, "restore-drills"),
                row("DORA", "Art. 12(3)", "Restoration from systems physically and logically segregated from the source,"
                        + " protected from unauthorised access and ICT corruption", "4 Retention and Object Lock",
                        EvidenceData.STORES, EvidenceData.OBJECT_LOCK, EvidenceData.SEGMENTS, EvidenceData.SEPARATION),
                row("DORA", "Art. 12(4)", "Redundant ICT capacities adequate to business needs", "2 Backup coverage and recovery point;"
                        + " 4 Retention and Object Lock", EvidenceData.COVERAGE, EvidenceData.RPO, EvidenceData.OBJECT_LOCK),
                row("NIS2", "Annex II: business continuity (Art. 21(2)(c))", "Backup management and disaster recovery",
                        "2 Backup coverage and recovery point; 5 Restores; 6 Restore drills", EvidenceData.COVERAGE, EvidenceData.RPO,
                        EvidenceData.RESTORES, "restore-drills"),
                row("NIS2", "Annex II: supply chain (Art. 21(2)(d))", "Security of the relationship with the storage provider:"
                        + " where the backups are held and whether the provider enforces their immutability",
                        "1 Scope; 4 Retention and Object Lock", EvidenceData.STORES, EvidenceData.OBJECT_LOCK),
                row("NIS2", "Annex II: incident handling (Art. 21(2)(b))", "Detection and handling of incidents affecting the"
                        + " backup: gaps, failures, anomalies, who acknowledged them", "3 Gaps and incidents", EvidenceData.ALERTS,
                        EvidenceData.HISTORY),
                row("NIS2", "Annex II: audit trail", "A tamper-evident record of actions, and its verification; this pack's own"
                        + " signed manifest", "7 Audit trail; Verifying this pack", "audit-log", EvidenceData.HISTORY, EvidencePack.MANIFEST,
                        EvidencePack.SIGNATURE, EvidencePack.VERIFY)));
    }

    private static List<Object> row(String framework, String reference, String requirement, String section, String... tables) {
        StringBuilder files = new StringBuilder();
        for (String t : tables) {
            // A table is named without extension and has a .csv and a .json; other files are named as they are.
            files.append(", ").append(t.contains(".") ? t : "data/" + t + ".csv (.json)");
        }
        return List.of(framework, reference, requirement, section, EvidencePack.REPORT + files);
    }
}
