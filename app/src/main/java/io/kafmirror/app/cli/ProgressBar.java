package io.kafmirror.app.cli;

import io.kafmirror.engine.restore.RestoreProgress;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** A one-line progress bar on the error stream, redrawn twice a second while a restore runs or writes its file. */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final Supplier<RestoreProgress> progress;
    private final Thread thread;
    private volatile boolean stopped;

    /** A bar drawing {@code progress}, null until the restore has started. */
    ProgressBar(PrintWriter err, Supplier<RestoreProgress> progress) {
        this.err = err;
        this.progress = progress;
        this.thread = new Thread(this::draw, "kaf-mirror-progress");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void stop() throws InterruptedException {
        stopped = true;
        thread.join();
        line();
        err.println();
        err.flush();
    }

    private void draw() {
        while (!stopped) {
            line();
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void line() {
        RestoreProgress p = progress.get();
        if (p == null) {
            return;
        }
        int filled = (int) Math.round(p.fraction() * WIDTH);
        String eta = p.remaining(Instant.now()).map(ProgressBar::duration).orElse("…");
        err.printf("\r[%s%s] %3.0f%% %,d/%,d records, ETA %s   ", "#".repeat(filled), " ".repeat(WIDTH - filled),
                p.fraction() * 100, p.records(), p.plannedRecords(), eta);
        err.flush();
    }

    private static String duration(Duration d) {
        return d.toHours() > 0 ? String.format("%dh%02dm", d.toHours(), d.toMinutesPart())
                : String.format("%dm%02ds", d.toMinutes(), d.toSecondsPart());
    }
}
