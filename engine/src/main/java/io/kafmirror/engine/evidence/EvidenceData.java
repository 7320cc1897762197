package io.kafmirror.engine.evidence;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything an evidence pack says, gathered once and then written as PDF, CSV and JSON, so that the three agree.
 *
 * @param period      the period covered
 * @param generatedAt when it was gathered
 * @param version     the kaf-mirror version that gathered it
 * @param tables      the tables by name, in the order they appear in the pack
 * @param drills      the restore drills' findings
 * @param audit       the audit trail's findings and chain verification
 * @param rowLimit    how many rows the alerts and the job history list at most
 * @param cut         the tables of those that had more in the period, cut to their newest {@code rowLimit}
 */
public record EvidenceData(EvidencePeriod period, Instant generatedAt, String version, Map<String, EvidenceTable> tables,
                           Findings drills, Findings audit, int rowLimit, List<String> cut) {

    /** The configuration's separation warnings: stores sharing a credential with a cluster, jobs whose segments are not locked. */
    public static final String SEPARATION = "separation";
    /** Clusters in scope. */
    public static final String CLUSTERS = "clusters";
    /** Stores in scope. */
    public static final String STORES = "stores";
    /** Jobs in scope, from the configuration and the state database. */
    public static final String JOBS = "jobs";
    /** What each store holds per topic. */
    public static final String COVERAGE = "coverage";
    /** Lag percentiles per job and topic: the recovery point achieved. */
    public static final String RPO = "rpo";
    /** Alerts raised in the period. */
    public static final String ALERTS = "alerts";
    /** Every job history entry of the period. */
    public static final String HISTORY = "job-history";
    /** Restores started or updated in the period. */
    public static final String RESTORES = "restores";
    /** Every stored segment with SHA-256 and retention. */
    public static final String SEGMENTS = "segments";
    /** Object Lock per store. */
    public static final String OBJECT_LOCK = "object-lock";
    /** DORA and NIS2 rows pointing into the pack. */
    public static final String CONTROLS = "control-mapping";

    /** Copies the tables, keeping their order. */
    public EvidenceData {
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        cut = List.copyOf(cut);
    }

    /** Whether the table {@code name} was cut at {@link #rowLimit}: the period had more. */
    public boolean wasCut(String name) {
        return cut.contains(name);
    }

    /** The table {@code name}. */
    public EvidenceTable table(String name) {
        EvidenceTable table = tables.get(name);
        if (table == null) {
            throw new IllegalArgumentException("The pack has no table " + name + "; it has " + tables.keySet());
        }
        return table;
    }
}
