package io.kafmirror.app.cli;

import io.kafmirror.engine.restore.RestoreProgress;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs the long step of a restore — the run into a cluster, or the file being written — with a progress bar on stderr.
 * Ctrl-C or SIGTERM cancels it, and the JVM waits for the step to stop before it exits, so the step can record how it
 * ended and delete its partial file.
 */
final class CancelOnSignal {

    /** Longest the JVM waits for a cancelled step: a target that no longer answers must not keep Ctrl-C from working. */
    private static final long WAIT_SECONDS = 10;

    /** A step that returns its outcome. */
    interface Step<T> {
        T run() throws InterruptedException;
    }

    private CancelOnSignal() {
    }

    /** Runs {@code step}, drawing {@code progress} and calling {@code cancel} on a signal. */
    static <T> T run(PrintWriter err, Supplier<RestoreProgress> progress, Runnable cancel, Step<T> step)
            throws InterruptedException {
        CountDownLatch ended = new CountDownLatch(1);
        Thread onSignal = new Thread(() -> {
            cancel.run();
            try {
                ended.await(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "kaf-mirror-restore-cancel");
        Runtime.getRuntime().addShutdownHook(onSignal);
        ProgressBar bar = new ProgressBar(err, progress);
        bar.start();
        try {
            return step.run();
        } finally {
            ended.countDown();
            bar.stop();
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException shuttingDown) {
                // The hook is what is stopping us: it cancelled the step, which has now ended.
            }
        }
    }
}
