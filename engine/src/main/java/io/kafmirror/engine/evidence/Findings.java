package io.kafmirror.engine.evidence;

/**
 * What one part of the product contributes to a pack that this version may not have yet, such as the audit trail's
 * chain verification or the restore drills: a sentence for the report and the table behind it.
 *
 * @param available whether the part exists in this version
 * @param summary   one sentence for the report, e.g. the chain verification's result
 * @param table     the entries behind it (empty when not available), written as CSV and JSON
 */
public record Findings(boolean available, String summary, EvidenceTable table) {
}
