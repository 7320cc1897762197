package io.kafmirror.bench;

import io.kafmirror.kfs.format.SegmentCodec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Settings of one benchmark run.
 *
 * @param payloadMib  uncompressed payload written and read per codec and step, MiB
 * @param segmentMib  flush size: a segment is sealed once its writer buffers this much, MiB
 * @param partitions  partitions in the record stream
 * @param warmups     warm-up iterations per codec, not kept
 * @param iterations  measured iterations per codec; the median is reported
 * @param codecs      the codecs to measure, in this order
 * @param storeDir    folder of the local store; empty for a fresh temporary folder
 * @param seed        seed of the record generator
 */
record BenchOptions(int payloadMib, int segmentMib, int partitions, int warmups, int iterations, List<SegmentCodec> codecs,
                    Optional<Path> storeDir, long seed) {

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: bench/run [options]",
            "  --mib N          uncompressed payload per codec, MiB (default 256)",
            "  --segment-mib N  flush size: a segment is sealed once it buffers this much, MiB (default 64)",
            "  --partitions N   partitions in the record stream (default 4)",
            "  --warmup N       warm-up iterations per codec (default 2)",
            "  --iterations N   measured iterations per codec; the median is reported (default 5)",
            "  --codecs LIST    comma-separated subset of none,gzip,snappy,lz4,zstd (default all)",
            "  --store-dir DIR  folder for the local store (default: a fresh temporary folder, removed after the run)",
            "  --seed N         seed of the record generator (default 42)",
            "  --help           this text");

    private static final Set<String> NAMES = Set.of("--mib", "--segment-mib", "--partitions", "--warmup", "--iterations",
            "--codecs", "--store-dir", "--seed");

    BenchOptions {
        if (payloadMib < 1 || segmentMib < 1 || partitions < 1 || warmups < 0 || iterations < 1 || codecs.isEmpty()) {
            throw new IllegalArgumentException("Sizes, partitions and iterations must be at least 1, warm-ups at least 0, "
                    + "and at least one codec is needed");
        }
        codecs = List.copyOf(codecs);
    }

    /** Parses {@code --name value} pairs, defaulting the rest; empty when {@code --help} was asked for. */
    static Optional<BenchOptions> parse(String[] args) {
        return OptionValues.parse(args, NAMES).map(o -> new BenchOptions(o.number("--mib", 256), o.number("--segment-mib", 64),
                o.number("--partitions", 4), o.number("--warmup", 2), o.number("--iterations", 5),
                Arrays.stream(o.text("--codecs", "none,gzip,snappy,lz4,zstd").split(",")).map(SegmentCodec::parse).toList(),
                o.path("--store-dir"), o.number("--seed", 42)));
    }

    long payloadBytes() {
        return payloadMib * 1024L * 1024;
    }

    long segmentBytes() {
        return segmentMib * 1024L * 1024;
    }
}
