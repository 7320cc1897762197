package io.kafmirror.bench;

import io.kafmirror.engine.mirror.MirrorSettings;
import io.kafmirror.kfs.format.SegmentCodec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Settings of one restore benchmark run.
 *
 * @param payloadMib          payload loaded into the source topic of the throughput race, MiB
 * @param partitions          partitions of the race's topics
 * @param warmups             raw produce + restore passes before any is kept
 * @param iterations          measured passes; the median is reported
 * @param codec               segment codec of the backup the race restores from
 * @param producerCompression compression the loading producer gives the source topic's batches (kafka-clients name)
 * @param planningRecords     records in the backup that planning is timed on
 * @param planningPartitions  partitions of that backup
 * @param planningFlushMib    flush size of that backup, MiB
 * @param lookups             random restore points planned, besides the fixed ones
 * @param repeats             plans of each restore point, each with freshly opened catalog and store
 * @param phases              which phases run: {@code race}, {@code planning}
 * @param dataDir             folder for the broker's log and the archives; empty for the system temporary folder
 * @param seed                seed of the generators
 */
record RestoreBenchOptions(int payloadMib, int partitions, int warmups, int iterations, SegmentCodec codec,
                           String producerCompression, int planningRecords, int planningPartitions, int planningFlushMib,
                           int lookups, int repeats, List<String> phases, Optional<Path> dataDir, long seed) {

    /** The source cluster's name in the race's backup. */
    static final String CLUSTER = "bench";

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: bench/run restore [options]",
            "  --mib N                   payload of the race's source topic, MiB (default 512)",
            "  --partitions N            partitions of the race's topics (default 6)",
            "  --warmup N                raw produce + restore passes before measuring (default 1)",
            "  --iterations N            measured raw produce + restore passes; medians are reported (default 5)",
            "  --codec C                 segment codec of the race's backup (default zstd, the engine's default)",
            "  --producer-compression C  compression of the source topic's batches: none, lz4, zstd, ... (default lz4)",
            "  --planning-records N      records in the backup planning is timed on (default 10000000)",
            "  --planning-partitions N   partitions of that backup (default 6)",
            "  --planning-flush-mib N    flush size of that backup, MiB (default 16, the engine's default)",
            "  --lookups N               random restore points planned besides the fixed ones (default 6)",
            "  --repeats N               plans of each restore point, each with a freshly opened catalog and store (default 3)",
            "  --phases LIST             race, planning or both, comma-separated (default race,planning)",
            "  --data-dir DIR            folder for the broker log and the archives (default: a temporary folder)",
            "  --seed N                  seed of the generators (default 42)",
            "  --help                    this text");

    private static final Set<String> NAMES = Set.of("--mib", "--partitions", "--warmup", "--iterations", "--codec",
            "--producer-compression", "--planning-records", "--planning-partitions", "--planning-flush-mib", "--lookups",
            "--repeats", "--phases", "--data-dir", "--seed");
    private static final Set<String> PHASES = Set.of("race", "planning");

    RestoreBenchOptions {
        if (payloadMib < 1 || partitions < 1 || warmups < 0 || iterations < 1 || planningRecords < 1
                || planningPartitions < 1 || planningFlushMib < 1 || lookups < 0 || repeats < 1) {
            throw new IllegalArgumentException("Sizes and counts must be at least 1, warm-ups and lookups at least 0");
        }
        if (phases.isEmpty() || !PHASES.containsAll(phases)) {
            throw new IllegalArgumentException("--phases takes race, planning or both, not " + phases);
        }
        phases = List.copyOf(phases);
    }

    /** Parses {@code --name value} pairs, defaulting the rest; empty when {@code --help} was asked for. */
    static Optional<RestoreBenchOptions> parse(String[] args) {
        return OptionValues.parse(args, NAMES).map(o -> new RestoreBenchOptions(o.number("--mib", 512),
                o.number("--partitions", 6), o.number("--warmup", 1), o.number("--iterations", 5),
                SegmentCodec.parse(o.text("--codec", "zstd")), o.text("--producer-compression", "lz4"),
                o.number("--planning-records", 10_000_000), o.number("--planning-partitions", 6),
                o.number("--planning-flush-mib", 16), o.number("--lookups", 6), o.number("--repeats", 3),
                Arrays.asList(o.text("--phases", "race,planning").split(",")), o.path("--data-dir"), o.number("--seed", 42)));
    }

    long payloadBytes() {
        return payloadMib * 1024L * 1024;
    }

    long planningFlushBytes() {
        return planningFlushMib * 1024L * 1024;
    }

    boolean runs(String phase) {
        return phases.contains(phase);
    }

    /** The engine's settings for backing up {@code topic}: its defaults, with this run's codec and a short flush linger. */
    MirrorSettings mirrorSettings(String topic) {
        return ScratchMirror.settings(CLUSTER, topic, codec);
    }
}
