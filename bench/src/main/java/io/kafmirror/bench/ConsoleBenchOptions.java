package io.kafmirror.bench;

import io.kafmirror.engine.mirror.MirrorSettings;
import io.kafmirror.kfs.format.SegmentCodec;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import javafx.util.Duration;

/**
 * Settings of one console benchmark run.
 *
 * @param payloadMib          payload loaded into the topic that is backed up and restored, MiB
 * @param partitions          partitions of that topic
 * @param codec               segment codec of the backup
 * @param producerCompression compression the loading producer gives the topic's batches (kafka-clients name)
 * @param display             {@code auto}, {@code on} (the real toolkit on {@code $DISPLAY}) or {@code off} (Monocle, headless)
 * @param broker              {@code jvm}: the broker in the benchmark's JVM, competing with the console thread by thread;
 *                            {@code process}: in a JVM of its own session, with a CPU share of its own as on another machine
 * @param maxRate             the Restore screen's Max rate, MB/s as typed; empty for no limit
 * @param moveMillis          how often the restore point moves while the restore runs, ms; 0 for never
 * @param dataDir             folder for the broker's log and the archive; empty for the system temporary folder
 * @param seed                seed of the record generator
 */
record ConsoleBenchOptions(int payloadMib, int partitions, SegmentCodec codec, String producerCompression, String display,
                           String broker, String maxRate, int moveMillis, Optional<Path> dataDir, long seed) {

    /** The backed-up cluster's name, in the backup and in the console's configuration. */
    static final String CLUSTER = "bench";

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: bench/run console [options]",
            "  --mib N                   payload of the topic restored while the frames are timed, MiB (default 256)",
            "  --partitions N            partitions of that topic (default 6)",
            "  --codec C                 segment codec of its backup (default zstd, the engine's default)",
            "  --producer-compression C  compression of the topic's batches: none, lz4, zstd, ... (default lz4)",
            "  --display MODE            on: the real JavaFX toolkit on $DISPLAY (e.g. under xvfb-run); off: Monocle,",
            "                            headless, software rendering; auto: on when DISPLAY is set (default auto)",
            "  --broker WHERE            jvm: inside this JVM, its threads competing with the console's; process: a JVM of",
            "                            its own, started with setsid so the kernel's autogroup gives it a CPU share of its",
            "                            own, as on another machine (default jvm)",
            "  --max-rate MB             typed into the screen's Max rate before Restore is pressed, MB/s (default: none,",
            "                            no limit)",
            "  --move-ms N               how often the restore point moves (Shift+arrow on the timeline: a plan and a",
            "                            preview each) while the restore runs, ms; 0: never (default 250)",
            "  --data-dir DIR            folder for the broker log and the archive (default: a temporary folder)",
            "  --seed N                  seed of the record generator (default 42)",
            "  --help                    this text");

    private static final Set<String> NAMES = Set.of("--mib", "--partitions", "--codec", "--producer-compression",
            "--display", "--broker", "--max-rate", "--move-ms", "--data-dir", "--seed");
    private static final Set<String> DISPLAYS = Set.of("auto", "on", "off");
    private static final Set<String> BROKERS = Set.of("process", "jvm");

    ConsoleBenchOptions {
        if (payloadMib < 1 || partitions < 1) {
            throw new IllegalArgumentException("--mib and --partitions must be at least 1");
        }
        if (moveMillis < 0) {
            throw new IllegalArgumentException("--move-ms must be 0 (never) or more");
        }
        if (!DISPLAYS.contains(display)) {
            throw new IllegalArgumentException("--display takes auto, on or off, not " + display);
        }
        if (!BROKERS.contains(broker)) {
            throw new IllegalArgumentException("--broker takes process or jvm, not " + broker);
        }
    }

    /** Parses {@code --name value} pairs, defaulting the rest; empty when {@code --help} was asked for. */
    static Optional<ConsoleBenchOptions> parse(String[] args) {
        return OptionValues.parse(args, NAMES).map(o -> new ConsoleBenchOptions(o.number("--mib", 256),
                o.number("--partitions", 6), SegmentCodec.parse(o.text("--codec", "zstd")),
                o.text("--producer-compression", "lz4"), o.text("--display", "auto"), o.text("--broker", "jvm"),
                o.text("--max-rate", ""), o.number("--move-ms", 250), o.path("--data-dir"), o.number("--seed", 42)));
    }

    long payloadBytes() {
        return payloadMib * 1024L * 1024;
    }

    /** Whether the real toolkit runs on a display rather than Monocle without one. */
    boolean onDisplay() {
        return display.equals("on") || display.equals("auto") && System.getenv("DISPLAY") != null;
    }

    /** How often the restore point moves while the restore runs; zero for never. */
    Duration moveEvery() {
        return Duration.millis(moveMillis);
    }

    /** Whether the broker runs in a process of its own rather than in the benchmark's JVM. */
    boolean brokerApart() {
        return broker.equals("process");
    }

    /** The engine's settings for backing up {@code topic}: its defaults, with this run's codec and a short flush linger. */
    MirrorSettings mirrorSettings(String topic) {
        return ScratchMirror.settings(CLUSTER, topic, codec);
    }
}
