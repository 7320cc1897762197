package io.kafmirror.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The throughput race on one loaded topic: a plain consumer reading it all, then the engine backing
 * it all up into a fresh archive in each {@link BackupVariant}, alternating within every iteration so that a
 * machine getting busier or slower during the run slows both sides alike. Medians are kept.
 */
final class ConsumeVsBackup {

    /**
     * Median rates of the measured iterations.
     *
     * @param raw            the plain consumer
     * @param engine         the engine's backup, per variant
     * @param peakAfterGcMib the most heap in use after a collection during any engine pass
     * @param poolPeaksMib   the highest sum of heap pool peaks of any engine pass (garbage included)
     */
    record Result(Rate raw, Map<BackupVariant, Rate> engine, double peakAfterGcMib, double poolPeaksMib) {
    }

    private static final long BACKUP_TIMEOUT_MILLIS = TimeUnit.MINUTES.toMillis(30);

    private final String bootstrap;
    private final String topic;
    private final Tally loaded;
    private final EngineBenchOptions options;
    private final Path archives;
    private final HeapWatch heap;

    /** A race over {@code topic}, which holds {@code loaded}, with archives made under {@code archives}. */
    ConsumeVsBackup(String bootstrap, String topic, Tally loaded, EngineBenchOptions options, Path archives,
                    HeapWatch heap) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.loaded = loaded;
        this.options = options;
        this.archives = archives;
        this.heap = heap;
    }

    /** Runs the warm-up and measured iterations, one line per pass to {@code log}. */
    Result run(PrintStream log) throws IOException, InterruptedException {
        List<Long> raw = new ArrayList<>();
        Map<BackupVariant, List<Long>> engine = new LinkedHashMap<>();
        double peakAfterGc = 0;
        double poolPeaks = 0;
        for (int i = 0; i < options.warmups() + options.iterations(); i++) {
            boolean kept = i >= options.warmups();
            String label = kept ? "iteration " + (i - options.warmups() + 1) : "warm-up " + (i + 1);
            long rawNanos = timeRawConsume();
            log.printf(Locale.ROOT, "%s: raw consume %.1f s, %.1f MB/s%n", label, rawNanos / 1e9,
                    Rate.of(loaded, rawNanos).megabytesPerSecond());
            for (BackupVariant variant : options.variants()) {
                heap.resetPeak();
                long nanos = timeBackup(variant);
                peakAfterGc = Math.max(peakAfterGc, heap.peakAfterGcMib().orElse(0));
                poolPeaks = Math.max(poolPeaks, heap.poolPeaksMib());
                log.printf(Locale.ROOT, "%s: engine backup (%s) %.1f s, %.1f MB/s%n", label, variant.label(), nanos / 1e9,
                        Rate.of(loaded, nanos).megabytesPerSecond());
                if (kept) {
                    engine.computeIfAbsent(variant, v -> new ArrayList<>()).add(nanos);
                }
            }
            if (kept) {
                raw.add(rawNanos);
            }
        }
        Map<BackupVariant, Rate> engineRates = new LinkedHashMap<>();
        engine.forEach((variant, nanos) -> engineRates.put(variant, Rate.of(loaded, Median.of(nanos))));
        return new Result(Rate.of(loaded, Median.of(raw)), engineRates, peakAfterGc, poolPeaks);
    }

    private long timeRawConsume() {
        // Collect the previous pass's garbage now, so that it is not collected on this pass's clock.
        System.gc();
        long start = System.nanoTime();
        Tally read = RawConsume.drain(bootstrap, topic, options.partitions());
        long nanos = System.nanoTime() - start;
        read.requireSame(loaded, "The raw consumer");
        return nanos;
    }

    private long timeBackup(BackupVariant variant) throws IOException, InterruptedException {
        try (ScratchMirror mirror = new ScratchMirror(bootstrap, options.mirrorSettings(topic, variant), archives)) {
            System.gc();
            long start = System.nanoTime();
            mirror.start();
            mirror.awaitStored(loaded.records(), BACKUP_TIMEOUT_MILLIS);
            long nanos = System.nanoTime() - start;
            if (mirror.stored().records() != loaded.records()) {
                throw new IllegalStateException("The engine stored " + mirror.stored().records() + " records of "
                        + loaded.records());
            }
            return nanos;
        }
    }

}
