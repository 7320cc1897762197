package io.kafmirror.engine.evidence;

/**
 * The seam where a part of the product built apart from the pack plugs its evidence in: the scheduled restore drills
 * ({@link DrillFindings}) and the hash-chained audit log with its verification result ({@link AuditFindings}).
 */
@FunctionalInterface
public interface FindingsSource {

    /** The findings of the period. */
    Findings collect(EvidencePeriod period);
}
