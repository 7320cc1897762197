package io.kafmirror.bench;

import io.kafmirror.engine.restore.RestoreVerification;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The restore benchmark's printed results: the race table, the planning table, and each target met or missed. */
final class RestoreReport {

    private RestoreReport() {
    }

    static void race(PrintStream out, RestoreBenchOptions options, ProduceVsRestore.Result r) {
        out.printf(Locale.ROOT, "%nThroughput, median of %d iterations after %d warm-up (MB = 10^6 bytes of payload:"
                + " keys, values, headers)%n", options.iterations(), options.warmups());
        String row = "%-30s %8s %12s %8s %14s %11s%n";
        out.printf(Locale.ROOT, row, "", "MB/s", "records/s", "vs raw", "sender CPU s", "JVM CPU s");
        out.printf(Locale.ROOT, row, "raw produce (kafka-clients)", r.raw().megabytesText(), r.raw().recordsText(), "1.00x",
                seconds(r.rawCpu().thread()), seconds(r.rawCpu().jvm()));
        double ratio = r.restore().ratioTo(r.raw());
        out.printf(Locale.ROOT, row, "engine restore (plan + run)", r.restore().megabytesText(), r.restore().recordsText(),
                String.format(Locale.ROOT, "%.2fx", ratio), seconds(r.restoreCpu().thread()), seconds(r.restoreCpu().jvm()));
        // Three decimals, so that a ratio just under the target does not print as the target itself.
        out.printf(Locale.ROOT, "Target: restore >= %.2fx raw produce: %.3fx %s%n", RestoreBench.RESTORE_TARGET, ratio,
                ratio >= RestoreBench.RESTORE_TARGET ? "MET" : "MISSED");
        RestoreVerification v = r.verification();
        long found = v.partitions().stream().mapToLong(RestoreVerification.Partition::found).sum();
        out.printf(Locale.ROOT, "Restore planning %.0f ms (median, inside the restore's time). Both sides: one producer,"
                        + " idempotent, acks=all, the restore's batch size, linger and compression. Read back after the first"
                        + " measured restore (not timed in it): %s, %,d records in %.1f s%n", r.planMillis(),
                v.passed() ? "passed" : "FAILED", found, v.duration().toMillis() / 1e3);
    }

    static void archive(PrintStream out, RestoreBenchOptions options, PlanningArchive.Summary s) {
        out.printf(Locale.ROOT, "%nBackup for planning (no broker): %,d records over %d partitions, %.1f MiB payload (avg %d"
                        + " bytes), %d zstd segments (flush %d MiB), %.1f MiB stored; built in %.1f s%n",
                s.payload().records(), options.planningPartitions(), s.payload().payloadBytes() / 1048576.0,
                s.payload().payloadBytes() / s.payload().records(), s.segments(), options.planningFlushMib(),
                s.storedBytes() / 1048576.0, s.nanos() / 1e9);
    }

    static void planning(PrintStream out, List<PlanningAtScale.LookupResult> results) {
        String row = "%-20s %-24s %12s %9s %9s %6s %9s %9s%n";
        out.printf(Locale.ROOT, row, "restore point", "time", "records", "first ms", "median ms", "reads", "reads/part",
                "KiB read");
        List<Long> all = new ArrayList<>();
        List<Long> opens = new ArrayList<>();
        int reads = 0;
        int perObject = 0;
        for (PlanningAtScale.LookupResult r : results) {
            out.printf(Locale.ROOT, row, r.lookup().name(), Instant.ofEpochMilli(r.lookup().millis()),
                    String.format(Locale.ROOT, "%,d", r.records()), millis(r.planNanos().get(0)), millis(Median.of(r.planNanos())),
                    r.reads(), r.maxReadsPerPartition(), String.format(Locale.ROOT, "%.0f", r.bytesRead() / 1024.0));
            all.addAll(r.planNanos());
            opens.addAll(r.openNanos());
            reads = Math.max(reads, r.maxReadsPerPartition());
            perObject = Math.max(perObject, r.maxReadsPerObject());
        }
        long max = all.stream().mapToLong(Long::longValue).max().orElseThrow();
        double median = Median.of(all);
        out.printf(Locale.ROOT, "Planning (catalog query, segment reads, cut and count per partition), %d plans, each with a"
                        + " freshly opened catalog and store: first %s ms (cold JVM), median %s ms, max %s ms; opening"
                        + " catalog and store before each (not included): median %s ms%n", all.size(), millis(all.get(0)),
                millis(median), millis(max), millis(Median.of(opens)));
        out.printf(Locale.ROOT, "Object reads (ranged reads and tail reads; a GET each on S3): at most %d per partition"
                + " (plan of that partition alone), at most %d of one object (plan of the whole topic)%n", reads, perObject);
        boolean met = max / 1e6 < RestoreBench.PLANNING_TARGET_MILLIS && reads <= RestoreBench.READS_TARGET;
        out.printf(Locale.ROOT, "Target: planning < %.0f ms and <= %d object reads per partition: max %s ms, %d reads %s%n",
                RestoreBench.PLANNING_TARGET_MILLIS, RestoreBench.READS_TARGET, millis(max), reads, met ? "MET" : "MISSED");
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.2f", seconds);
    }

    private static String millis(double nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }
}
