package io.kafmirror.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The result table: for each codec, path and operation our median rate beside the raw kafka-clients
 * rate measured in the same iterations, and their ratio; then the writer target, met or missed.
 */
final class ThroughputTable {

    /** The in-memory writer must reach this share of raw batch building (issue #2). */
    static final double WRITER_TARGET = 0.9;

    private static final String ROW = "%-7s %-7s %-6s %10s %12s %10s %12s %9s %12s%n";

    private final List<CodecBench.Result> results = new ArrayList<>();

    void add(CodecBench.Result result) {
        results.add(result);
    }

    void print(PrintStream out) {
        out.printf(Locale.ROOT, ROW, "codec", "path", "op", "ours MB/s", "ours rec/s", "raw MB/s", "raw rec/s", "ours/raw",
                "compression");
        for (CodecBench.Result r : results) {
            for (Step step : Step.values()) {
                if (step.baseline() != null) {
                    Rate ours = r.rate(step);
                    Rate raw = r.rate(step.baseline());
                    out.printf(Locale.ROOT, ROW, r.codec().name().toLowerCase(Locale.ROOT), step.path(), step.operation(),
                            ours.megabytesText(), ours.recordsText(), raw.megabytesText(), raw.recordsText(), ratio(ours.ratioTo(raw)),
                            String.format(Locale.ROOT, "%.2f:1", r.compressionRatio()));
                }
            }
        }
        out.println("raw write = kafka-clients MemoryRecordsBuilder building the same batches; raw read = a consumer's"
                + " walk over the same batches (CRC check, streaming decompression, key/value/header copies).");
        out.println("MB = 10^6 bytes of uncompressed payload (keys, values, headers); local rows compare with the same raw rates.");
        out.println(targetLine());
    }

    private String targetLine() {
        String verdicts = results.stream().map(r -> {
            double ratio = r.rate(Step.MEMORY_WRITE).ratioTo(r.rate(Step.RAW_BUILD));
            // Three decimals, so that a ratio just under the target does not print as the target itself.
            return String.format(Locale.ROOT, "%s %.3fx %s", r.codec().name().toLowerCase(Locale.ROOT), ratio,
                    ratio >= WRITER_TARGET ? "met" : "MISSED");
        }).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "Target: in-memory writer >= %.2fx raw batch building: %s", WRITER_TARGET, verdicts);
    }

    private static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2fx", ratio);
    }
}
