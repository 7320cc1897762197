package io.kafmirror.bench;

import io.kafmirror.engine.config.StoredBatches;
import io.kafmirror.engine.mirror.MirrorSettings;
import io.kafmirror.kfs.format.SegmentCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Settings of one engine benchmark run.
 *
 * @param payloadMib          payload loaded into the throughput topic, MiB
 * @param partitions          partitions of the benchmark topics
 * @param warmups             raw and engine passes over the topic before any is kept
 * @param iterations          measured passes; the median is reported
 * @param batches             what the engine stores of source batches, each measured in every iteration
 * @param codecs              the job compressions the engine is measured with, each with each of {@code batches}
 * @param producerCompression the compression the loading producer gives the topic's batches (kafka-clients name)
 * @param flushMib            the engine's flush size, MiB
 * @param lingerMillis        the engine's flush linger, ms
 * @param rate                records per second of the steady load in the latency phase
 * @param seconds             how long the steady load lasts
 * @param dataDir             folder for the broker's log and the archives; empty for the system temporary folder
 * @param seed                seed of the event generator
 */
record EngineBenchOptions(int payloadMib, int partitions, int warmups, int iterations, List<StoredBatches> batches,
                          List<SegmentCodec> codecs,
                          String producerCompression, int flushMib, int lingerMillis, int rate, int seconds,
                          Optional<Path> dataDir, long seed) {

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: bench/run engine [options]",
            "  --mib N                   payload loaded into the throughput topic, MiB (default 1024)",
            "  --partitions N            partitions of the topics (default 6)",
            "  --warmup N                raw + engine passes before measuring (default 1)",
            "  --iterations N            measured raw + engine passes; medians are reported (default 3)",
            "  --batches LIST            source and/or rebuild: what the engine stores of source batches (default source,rebuild)",
            "  --codecs LIST             job compressions of the engine, comma-separated (default zstd, the engine's default)",
            "  --producer-compression C  compression of the topic's batches: none, lz4, zstd, ... (default lz4)",
            "  --flush-mib N             engine flush size, MiB (default 16, the engine's default)",
            "  --linger-ms N             engine flush linger, ms (default 200)",
            "  --rate N                  records/s of the steady load for the latency phase (default 5000)",
            "  --seconds N               duration of the steady load, s (default 30)",
            "  --data-dir DIR            folder for the broker log and the archives (default: a temporary folder)",
            "  --seed N                  seed of the event generator (default 42)",
            "  --help                    this text");

    private static final Set<String> NAMES = Set.of("--mib", "--partitions", "--warmup", "--iterations", "--batches", "--codecs",
            "--producer-compression", "--flush-mib", "--linger-ms", "--rate", "--seconds", "--data-dir", "--seed");

    EngineBenchOptions {
        if (payloadMib < 1 || partitions < 1 || warmups < 0 || iterations < 1 || batches.isEmpty() || codecs.isEmpty() || flushMib < 1
                || lingerMillis < 1 || rate < 1 || seconds < 1) {
            throw new IllegalArgumentException("Sizes, counts, rate and durations must be at least 1, warm-ups at least 0, "
                    + "and at least one batches choice and codec are needed");
        }
        batches = List.copyOf(batches);
        codecs = List.copyOf(codecs);
    }

    /** Parses {@code --name value} pairs, defaulting the rest; empty when {@code --help} was asked for. */
    static Optional<EngineBenchOptions> parse(String[] args) {
        return OptionValues.parse(args, NAMES).map(o -> new EngineBenchOptions(o.number("--mib", 1024),
                o.number("--partitions", 6), o.number("--warmup", 1), o.number("--iterations", 3),
                Arrays.stream(o.text("--batches", "source,rebuild").split(","))
                        .map(b -> StoredBatches.valueOf(b.strip().toUpperCase(Locale.ROOT))).toList(),
                Arrays.stream(o.text("--codecs", "zstd").split(",")).map(SegmentCodec::parse).toList(),
                o.text("--producer-compression", "lz4"), o.number("--flush-mib", 16), o.number("--linger-ms", 200),
                o.number("--rate", 5000), o.number("--seconds", 30), o.path("--data-dir"), o.number("--seed", 42)));
    }

    long payloadBytes() {
        return payloadMib * 1024L * 1024;
    }

    /** Every batches choice with every codec, in the order given. */
    List<BackupVariant> variants() {
        return batches.stream().flatMap(b -> codecs.stream().map(c -> new BackupVariant(b, c))).toList();
    }

    /** The engine's settings for mirroring {@code topic}: its defaults, with this run's flush and {@code variant}. */
    MirrorSettings mirrorSettings(String topic, BackupVariant variant) {
        return MirrorSettings.defaults("bench", "bench", topic::equals)
                .withFlush(flushMib * 1024L * 1024, Duration.ofMillis(lingerMillis))
                .withCodec(variant.codec())
                .withBatches(variant.batches());
    }
}
