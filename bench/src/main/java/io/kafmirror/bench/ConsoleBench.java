package io.kafmirror.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.animation.Animation;
import javafx.application.Platform;

/**
 * Measures whether the console stays responsive while a restore runs (issue #5: no frame stall over 100 ms): the real
 * Restore screen, over a topic of a Kafka broker (in this JVM, or in a process of its own) backed up by the engine,
 * restores the whole topic into a new one while the restore point moves every 250 ms; meanwhile the gaps between JavaFX
 * pulses and the wait of {@code runLater} probes are recorded. The same is recorded for as long again with the screen idle, as a
 * baseline. On demand only ({@code bench/run console}); never part of the build's tests.
 */
public final class ConsoleBench {

    /** A pulse gap longer than this is a stall (issue #5), ms. */
    static final long STALL_MILLIS = 100;

    private static final String SOURCE_TOPIC = "payments.source";
    private static final long RESTORE_TIMEOUT_MINUTES = 30;

    private ConsoleBench() {
    }

    /** Runs the benchmark; {@code --help} lists the options. */
    public static void main(String[] args) throws Exception {
        Optional<ConsoleBenchOptions> parsed = OptionValues.parseOrExit(args, ConsoleBenchOptions::parse, ConsoleBenchOptions.USAGE);
        if (parsed.isEmpty()) {
            return;
        }
        ConsoleBenchOptions options = parsed.get();
        String toolkit = chooseToolkit(options);
        System.out.println(RuntimeReport.machine());
        System.out.println("Toolkit: " + toolkit);
        try (ScratchDir work = ScratchDir.create(options.dataDir().orElse(null), "kaf-mirror-console-bench-")) {
            run(options, work.path(), System.out, System.err);
        }
        // The broker's and clients' non-daemon threads, and the FX thread, would keep a finished run alive.
        System.exit(0);
    }

    /** Sets up Monocle unless a display is used; must run before the toolkit's classes load. Says which in words. */
    private static String chooseToolkit(ConsoleBenchOptions options) {
        if (options.onDisplay()) {
            return "the platform's JavaFX toolkit on DISPLAY=" + System.getenv("DISPLAY") + ", default rendering pipeline";
        }
        // As ui-fxml's UI tests run: Monocle's headless glass and the software pipeline, real layout, CSS and rendering.
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
        return "Monocle headless (no display), software rendering (prism.order=sw)";
    }

    private static void run(ConsoleBenchOptions options, Path work, PrintStream out, PrintStream log) throws Exception {
        try (BenchBroker broker = options.brokerApart() ? BrokerProcess.start(work.resolve("broker-process"))
                : BenchBroker.inThisJvm(work.resolve("broker"))) {
            out.println("Broker: Kafka KRaft (broker + controller) " + broker.description());
            Tally loaded = PaymentProducer.createAndLoad(broker, SOURCE_TOPIC, options.partitions(),
                    options.producerCompression(), options.seed(), options.payloadBytes(), log);
            try (ScratchMirror mirror = new ScratchMirror(broker.bootstrap(), options.mirrorSettings(SOURCE_TOPIC), work)) {
                log.printf(Locale.ROOT, "Backed up in %.1f s%n", mirror.backUp(loaded.records()) / 1e9);
                long segments = mirror.archive().catalog().segments(ConsoleBenchOptions.CLUSTER, SOURCE_TOPIC).size();
                out.printf(Locale.ROOT, "Topic %s: %,d records over %d partitions, %.1f MiB payload (avg %d bytes), producer"
                                + " batches %s; backed up into %d segments (%s); seed %d%n", SOURCE_TOPIC, loaded.records(),
                        options.partitions(), loaded.payloadBytes() / 1048576.0, loaded.payloadBytes() / loaded.records(),
                        options.producerCompression(), segments, options.codec().name().toLowerCase(Locale.ROOT),
                        options.seed());
                Path config = writeConfig(work, broker.bootstrap(), mirror.dir());
                measure(config, mirror.dir(), loaded, options, out, log);
            }
        }
    }

    /** The console's configuration: the broker as cluster {@code bench}, the mirror's store as local store {@code scratch}. */
    private static Path writeConfig(Path work, String bootstrap, Path archive) throws IOException {
        Path config = work.resolve("console.yml");
        Files.writeString(config, "clusters:\n  " + ConsoleBenchOptions.CLUSTER + ": { brokers: \"" + bootstrap + "\" }\n"
                + "stores:\n  " + ScratchMirror.STORE + ": { type: local, path: \"" + archive.resolve("store") + "\" }\n");
        return config;
    }

    private static void measure(Path config, Path dataDir, Tally loaded, ConsoleBenchOptions options, PrintStream out,
                                PrintStream log) throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(1, TimeUnit.MINUTES);
        RestoreScreen screen = fx(() -> RestoreScreen.open(config, dataDir));
        await("the Restore screen shows the backup", () -> fx(screen::ready));
        fx(() -> {
            screen.selectFirstCut();
            return null;
        });
        await("the preview shows records", () -> fx(screen::previewShown));

        log.println("Restoring with the screen open...");
        Restoring restoring = fx(() -> new Restoring(FrameWatch.start(), screen.movePoint(options.moveEvery()), System.nanoTime(), screen.restore(options.maxRate())));
        restoring.ended().get(RESTORE_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        Restored restored = fx(() -> restoring.finish(screen));

        log.println("Baseline: the screen idle for as long...");
        FrameWatch idleWatch = fx(FrameWatch::start);
        TimeUnit.NANOSECONDS.sleep(restored.nanos());
        FrameWatch.Frames idle = fx(idleWatch::stop);

        log.println("The point moving without a restore for as long...");
        int movesBefore = fx(screen::moves);
        Moving moving = fx(() -> new Moving(FrameWatch.start(), screen.movePoint(options.moveEvery())));
        TimeUnit.NANOSECONDS.sleep(restored.nanos());
        FrameWatch.Frames moved = fx(() -> {
            moving.mover().stop();
            return moving.watch().stop();
        });
        int movesAlone = fx(screen::moves) - movesBefore;
        // The last move's plan and preview come up to 150 ms later; read after the screen closed, they would open its
        // catalogs again.
        TimeUnit.SECONDS.sleep(1);

        ConsoleReport.print(out, loaded, options, restored, idle, moved, movesAlone);
        fx(() -> {
            screen.close();
            return null;
        });
        awaitStateClosed(dataDir);
    }

    /** What runs while the restore does: the frame watch, the restore point's mover, and the restore itself. */
    private record Restoring(FrameWatch watch, Animation mover, long startNanos, CompletableFuture<Void> ended) {

        /** Stops the watch and the mover once the restore has ended; on the FX thread. */
        Restored finish(RestoreScreen screen) {
            long nanos = System.nanoTime() - startNanos;
            mover.stop();
            FrameWatch.Frames frames = watch.stop();
            return new Restored(nanos, frames, screen.moves(), screen.targetTopic(), screen.outcome(), screen.notifications());
        }
    }

    /** The frame watch and the restore point's mover with no restore running: what the moves cost on their own. */
    private record Moving(FrameWatch watch, Animation mover) {
    }

    /**
     * A restore run from the screen.
     *
     * @param nanos         from Restore pressed to its outcome shown
     * @param frames        the FX thread meanwhile
     * @param moves         how often the restore point moved meanwhile
     * @param targetTopic   the topic restored into
     * @param outcome       the outcome as the screen shows it
     * @param notifications failure notifications shown
     */
    record Restored(long nanos, FrameWatch.Frames frames, int moves, String targetTopic, String outcome, int notifications) {
    }

    /** Runs {@code work} on the FX thread and returns its result. */
    private static <T> T fx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(1, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Polls {@code condition} every 100 ms for up to a minute; fails saying {@code what} did not happen. */
    private static void await(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("Waited a minute in vain until " + what);
            }
            Thread.sleep(100);
        }
    }

    /** Waits until the screen has closed the state database it opened, so the scratch folder can be removed. */
    private static void awaitStateClosed(Path dataDir) throws Exception {
        // The catalog stays open in the mirror until it closes; any other lock file is the console's.
        await("the screen closed its state database", () -> {
            try (Stream<Path> files = Files.walk(dataDir)) {
                return files.noneMatch(f -> f.getFileName().toString().endsWith(".lock.db")
                        && !f.getParent().getFileName().toString().equals("catalogs"));
            }
        });
    }
}
