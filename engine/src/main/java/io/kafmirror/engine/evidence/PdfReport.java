package io.kafmirror.engine.evidence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The evidence pack's {@code report.pdf}: what the pack's tables say, for a reader who is not an engineer. Short tables
 * are shown whole; the long ones (alerts, restores) up to {@link #SHOWN} rows, the rest named in their CSV file; the
 * segment inventory and the job history only in summary.
 */
final class PdfReport {

    /** The report's title, also its document title. */
    static final String TITLE = "Backup and recovery evidence";

    /** Rows of a long table the report shows at most. */
    static final int SHOWN = 500;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    // In tables, whose headers say UTC.
    private static final DateTimeFormatter CELL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final EvidenceData data;
    private final String fingerprint;

    /** The report of {@code data}, naming the signing key by {@code fingerprint}. */
    PdfReport(EvidenceData data, String fingerprint) {
        this.data = data;
        this.fingerprint = fingerprint;
    }

    /** The PDF's bytes. */
    byte[] render() {
        String period = time(data.period().from()) + " to " + time(data.period().to());
        try (PdfLayout pdf = new PdfLayout(TITLE + ", " + period, "kaf-mirror evidence pack, " + period)) {
            pdf.title(TITLE);
            pdf.paragraph("Period: " + period + "\nGenerated: " + time(data.generatedAt()) + " by kaf-mirror " + data.version()
                    + "\nSigning key fingerprint (SHA-256): " + fingerprint);
            pdf.heading("Summary");
            pdf.paragraph(summary());
            scope(pdf);
            coverage(pdf);
            incidents(pdf);
            retention(pdf);
            restores(pdf);
            pdf.heading("6 Restore drills");
            findings(pdf, data.drills());
            pdf.heading("7 Audit trail");
            findings(pdf, data.audit());
            controls(pdf);
            verifying(pdf);
            return pdf.finish();
        }
    }

    private String summary() {
        EvidenceTable rpo = data.table(EvidenceData.RPO);
        int p99 = rpo.columns().indexOf("lag_p99_seconds");
        double worstP99 = rpo.rows().stream().mapToDouble(r -> ((Number) r.get(p99)).doubleValue()).max().orElse(Double.NaN);
        List<List<Object>> alerts = data.table(EvidenceData.ALERTS).rows();
        long critical = alerts.stream().filter(r -> "CRITICAL".equals(r.get(4))).count();
        long open = alerts.stream().filter(r -> "OPEN".equals(r.get(8))).count();
        List<List<Object>> restores = data.table(EvidenceData.RESTORES).rows();
        long passed = restores.stream().filter(r -> "passed".equals(r.get(14))).count();
        long failed = restores.stream().filter(r -> "FAILED".equals(r.get(14))).count();
        long segments = data.table(EvidenceData.OBJECT_LOCK).rows().stream().mapToLong(r -> ((Number) r.get(2)).longValue()).sum();
        return count(data.table(EvidenceData.JOBS).rows().size(), "backup job") + " copy topics of "
                + count(data.table(EvidenceData.CLUSTERS).rows().size(), "Kafka cluster") + " into "
                + count(data.table(EvidenceData.STORES).rows().size(), "store") + ", which hold " + count(segments, "segment") + " of "
                + count(data.table(EvidenceData.COVERAGE).rows().size(), "topic") + ". "
                + (rpo.rows().isEmpty() ? "No lag was measured in the period (no backup ran, or its metrics were pruned). "
                : "In the period, the worst topic's backup trailed its source by at most " + seconds(worstP99)
                + " 99 % of the time (section 2). ")
                + (data.wasCut(EvidenceData.ALERTS) ? "More than " + count(alerts.size(), "alert") + " raised; of the newest "
                + alerts.size() + ", " + critical + " critical, " + open + " still open (section 3). "
                : count(alerts.size(), "alert") + " raised (" + critical + " critical, " + open + " still open). ")
                + count(restores.size(), "restore") + " ran or changed: " + passed + " verified complete, " + failed
                + " failed verification.";
    }

    private void scope(PdfLayout pdf) {
        pdf.heading("1 Scope");
        pdf.paragraph("The Kafka clusters backed up, the stores holding the backups and the backup jobs, from the configuration"
                + " file and the state database. Files: data/clusters.csv, data/stores.csv, data/jobs.csv.");
        show(pdf, EvidenceData.CLUSTERS, new String[] {"Cluster", "Brokers", "Jobs"}, new int[] {0, 1, 2}, new float[] {2, 4, 3});
        show(pdf, EvidenceData.STORES, new String[] {"Store", "Type", "Location", "Jobs"}, new int[] {0, 1, 2, 3}, new float[] {2, 2, 5, 3});
        show(pdf, EvidenceData.JOBS, new String[] {"Job", "Source", "Store", "Topics", "Desired state", "Default retention"},
                new int[] {0, 2, 3, 4, 6, 7}, new float[] {2, 2, 2, 3, 2, 3});
    }

    private void coverage(PdfLayout pdf) {
        pdf.heading("2 Backup coverage and recovery point");
        pdf.paragraph("What each store holds per topic (data/coverage.csv), and the recovery point achieved: how far each topic's"
                + " backup trailed its source, measured every 10 seconds while the backup ran (data/rpo.csv). In seconds, a topic"
                + " lags as its most lagging partition: a restore to any moment misses at most that much. In records, it is what"
                + " waited in all its partitions together. p95 is the lag not exceeded 95 % of the time.");
        show(pdf, EvidenceData.COVERAGE, new String[] {"Store", "Cluster", "Topic", "Partitions", "Segments", "Records", "First record (UTC)",
                "Last record (UTC)"}, new int[] {0, 1, 2, 3, 4, 5, 7, 8}, new float[] {2, 2, 3, 2, 2, 2, 3.2f, 3.2f});
        show(pdf, EvidenceData.RPO, new String[] {"Job", "Topic", "Samples", "p50 (s)", "p95 (s)", "p99 (s)", "Max (s)", "p50 records",
                "p95 records", "p99 records", "Max records"}, new int[] {0, 1, 2, 7, 8, 9, 10, 3, 4, 5, 6},
                new float[] {2, 3, 1.8f, 1.6f, 1.6f, 1.6f, 1.6f, 1.8f, 1.8f, 1.8f, 1.8f});
    }

    private void incidents(PdfLayout pdf) {
        pdf.heading("3 Gaps and incidents");
        pdf.paragraph("Every alert raised in the period: gaps in the backup, failures, and unusual changes in the data or the"
                + " cluster, with who acknowledged them (data/alerts.csv). The job history of the period, changes people"
                + " made and events the engine noticed, is in data/job-history.csv ("
                + data.table(EvidenceData.HISTORY).rows().size() + " entries).");
        for (String table : data.cut()) {
            pdf.paragraph("The period has more " + (table.equals(EvidenceData.ALERTS) ? "alerts" : "job history entries")
                    + " than a pack lists: data/" + table + ".csv holds the newest " + data.rowLimit()
                    + ", the older ones are only in the state database. Export shorter periods to have every one on record.");
        }
        show(pdf, EvidenceData.ALERTS, new String[] {"Time (UTC)", "Job", "Alert", "Severity", "Topic", "State", "What happened"},
                new int[] {1, 2, 3, 4, 5, 8, 7}, new float[] {3.2f, 2.2f, 3.6f, 2.2f, 3, 2.6f, 5});
    }

    private void retention(PdfLayout pdf) {
        pdf.heading("4 Retention and Object Lock");
        pdf.paragraph("Whether the stored segments are protected from change and deletion. Each segment's SHA-256 and the"
                + " retention it was written with are in data/segments.csv. The store itself was asked for the retention and"
                + " legal hold it enforces on every segment of a store of up to " + SegmentInventory.CHECK_LIMIT + " segments, and"
                + " on " + SegmentInventory.CHECK_LIMIT + " segments evenly spread over a larger one (column Checked). A local folder"
                + " records retention but cannot enforce it.");
        for (List<Object> row : data.table(EvidenceData.OBJECT_LOCK).rows()) {
            List<List<String>> facts = new ArrayList<>();
            List<String> columns = data.table(EvidenceData.OBJECT_LOCK).columns();
            for (int i = 1; i < columns.size(); i++) {
                facts.add(List.of(label(columns.get(i)), text(row.get(i))));
            }
            pdf.paragraph("Store " + row.get(0));
            pdf.table(List.of("Fact", "Value"), new float[] {2, 5}, facts);
        }
        List<List<Object>> separation = data.table(EvidenceData.SEPARATION).rows();
        pdf.paragraph("Separation warnings: " + (separation.isEmpty() ? "none. Every job in scope writes into a store"
                + " that locks its segments, and no store shares a credential with a cluster." : separation.size()
                + " (data/separation.csv). A backup reachable with a source cluster's credentials, or not locked, can be"
                + " lost with the source."));
        for (List<Object> row : separation) {
            pdf.paragraph("- " + row.get(4));
        }
    }

    private void restores(PdfLayout pdf) {
        pdf.heading("5 Restores and their verification");
        pdf.paragraph("Restores started or updated in the period, and whether reading the restored data back found every record"
                + " (data/restores.csv).");
        show(pdf, EvidenceData.RESTORES, new String[] {"#", "Started (UTC)", "Topic", "Restore point", "Target topic", "Restored",
                "State", "Verification"}, new int[] {0, 1, 6, 7, 9, 11, 12, 14}, new float[] {1, 3.2f, 3, 3.2f, 3, 2, 2.4f, 2.4f});
    }

    private static void findings(PdfLayout pdf, Findings findings) {
        pdf.paragraph(findings.summary() + " File: " + findings.table().csvPath() + ".");
        if (findings.available() && !findings.table().rows().isEmpty()) {
            List<String> shown = findings.shown();
            int[] picked = new int[shown.size()];
            float[] widths = new float[shown.size()];
            String[] header = new String[shown.size()];
            for (int i = 0; i < shown.size(); i++) {
                picked[i] = findings.table().columns().indexOf(shown.get(i));
                widths[i] = holdsTimes(shown.get(i)) || shown.get(i).equals("finding") || shown.get(i).equals("target") ? 3.2f
                        : shown.get(i).equals("id") ? 1 : 2;
                header[i] = label(shown.get(i)) + (holdsTimes(shown.get(i)) ? " (UTC)" : "");
            }
            rows(pdf, findings.table(), header, picked, widths);
        }
    }

    private void controls(PdfLayout pdf) {
        pdf.heading("8 Control mapping");
        pdf.paragraph("Where this pack holds the evidence for each requirement. The files are inside this pack; each CSV file has"
                + " a JSON file of the same name with the same data.");
        show(pdf, EvidenceData.CONTROLS, new String[] {"Framework", "Reference", "Requirement", "Report section", "Files"},
                new int[] {0, 1, 2, 3, 4}, new float[] {2, 3, 5, 3, 5});
    }

    private static void verifying(PdfLayout pdf) {
        pdf.heading("Verifying this pack");
        pdf.paragraph("MANIFEST.sha256 lists the SHA-256 of every other file of the pack; MANIFEST.sha256.sig is its Ed25519"
                + " signature by the key whose public half is evidence-signing.pub.pem. VERIFY.md explains the check with standard"
                + " tools: sha256sum -c MANIFEST.sha256, then openssl pkeyutl -verify -pubin -inkey evidence-signing.pub.pem -rawin"
                + " -in MANIFEST.sha256 -sigfile MANIFEST.sha256.sig. Compare the key's fingerprint with the one the operator"
                + " shows you (kaf-mirror evidence key).");
    }

    private void show(PdfLayout pdf, String table, String[] header, int[] columns, float[] widths) {
        rows(pdf, data.table(table), header, columns, widths);
    }

    private static void rows(PdfLayout pdf, EvidenceTable table, String[] header, int[] columns, float[] widths) {
        if (table.rows().isEmpty()) {
            pdf.paragraph("None in " + table.csvPath() + ".");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (List<Object> row : table.rows().subList(0, Math.min(SHOWN, table.rows().size()))) {
            List<String> cells = new ArrayList<>();
            for (int c : columns) {
                cells.add(text(row.get(c)));
            }
            rows.add(cells);
        }
        pdf.table(List.of(header), widths, rows);
        if (table.rows().size() > SHOWN) {
            pdf.paragraph("The first " + SHOWN + " of " + table.rows().size() + " rows are shown; all are in " + table.csvPath() + ".");
        }
    }

    // A findings column holding instants, shown as times in UTC; the others: numbers narrow, free text wide.
    private static boolean holdsTimes(String column) {
        return column.equals("at") || column.endsWith("_at");
    }

    private static String label(String column) {
        String words = column.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (cell instanceof String s && s.matches("\\d{4}-\\d{2}-\\d{2}T.*Z")) {
            try {
                return CELL_TIME.format(Instant.parse(s));
            } catch (DateTimeParseException notATime) {
                return s;
            }
        }
        return cell.toString();
    }

    private static String count(long n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.1f seconds", value);
    }

    private static String time(Instant at) {
        return TIME.format(at);
    }
}
