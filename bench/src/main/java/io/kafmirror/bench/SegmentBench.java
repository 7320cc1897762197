package io.kafmirror.bench;

import io.kafmirror.kfs.format.SegmentCodec;
import io.kafmirror.kfs.store.LocalSegmentStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Measures {@code .kfs} segment write and read throughput per codec, in memory and through the
 * local folder store, against raw kafka-clients batch building and iteration in the same run.
 * On demand only ({@code bench/run}); never part of the build's tests.
 */
public final class SegmentBench {

    private SegmentBench() {
    }

    /** Runs the benchmark; {@code --help} lists the options. */
    public static void main(String[] args) throws IOException {
        Optional<BenchOptions> parsed = OptionValues.parseOrExit(args, BenchOptions::parse, BenchOptions.USAGE);
        if (parsed.isEmpty()) {
            return;
        }
        run(parsed.get(), System.out);
    }

    private static void run(BenchOptions options, PrintStream out) throws IOException {
        out.println(RuntimeReport.machine());
        BenchRecords records = BenchRecords.generate(options.payloadBytes(), options.partitions(), options.seed());
        out.printf(Locale.ROOT, "Records: %,d over %d partitions, %.1f MiB payload (avg %d bytes), seed %d; %d MiB segments;"
                        + " %d warm-up + %d measured iterations per codec, median reported%n",
                records.tally().records(), records.partitions(), records.tally().payloadBytes() / 1048576.0,
                records.tally().payloadBytes() / records.tally().records(), options.seed(), options.segmentMib(),
                options.warmups(), options.iterations());
        Path storeDir = options.storeDir().orElse(Files.createTempDirectory("kfs-bench-"));
        out.println("Local store: " + storeDir.toAbsolutePath());
        ThroughputTable table = new ThroughputTable();
        try (LocalSegmentStore store = new LocalSegmentStore(storeDir)) {
            for (SegmentCodec codec : options.codecs()) {
                long start = System.nanoTime();
                table.add(new CodecBench(codec, records, options, store).run());
                System.err.printf(Locale.ROOT, "%s done in %.0f s%n", codec.name().toLowerCase(Locale.ROOT), (System.nanoTime() - start) / 1e9);
            }
        } finally {
            if (options.storeDir().isEmpty()) {
                deleteTree(storeDir);
            }
        }
        out.println();
        table.print(out);
        out.println(RuntimeReport.heap());
    }

    /** Removes the temporary store folder, emptied by then except for its date folders. */
    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
