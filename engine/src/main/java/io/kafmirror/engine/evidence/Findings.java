package io.kafmirror.engine.evidence;

import java.util.List;

/**
 * What one part of the product built apart from the pack contributes to it, such as the audit trail's chain verification
 * or the restore drills: a sentence for the report and the table behind it.
 *
 * @param available whether the part exists in this version ({@code pack.json} says so)
 * @param summary   one sentence for the report, e.g. the chain verification's result
 * @param table     the entries behind it, written as CSV and JSON
 * @param shown     the columns of {@code table} the report shows, in order; the CSV and JSON have them all
 */
public record Findings(boolean available, String summary, EvidenceTable table, List<String> shown) {

    /** Copies the shown columns and checks that the table has them. */
    public Findings {
        shown = List.copyOf(shown);
        for (String column : shown) {
            if (!table.columns().contains(column)) {
                throw new IllegalArgumentException("The report cannot show the column " + column + ": " + table.name() + " has "
                        + table.columns());
            }
        }
    }
}
