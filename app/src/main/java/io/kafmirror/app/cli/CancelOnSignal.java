package io.kafmirror.app.cli;

import io.kafmirror.engine.restore.RestoreProgress;
import java.io.PrintWriter;
import java.util.function.Supplier;

/**
 * Runs the long step of a restore — the run into a cluster, or the file being written — with a progress bar on stderr.
 * Ctrl-C or SIGTERM cancels it through {@link StopSignal}, not a shutdown hook: the JVM does not begin its shutdown, so
 * H2's own hook cannot close the state database before the step has recorded how it ended, and the command prints the
 * outcome and exits as usual. A second signal kills at once, for a target that no longer answers. After the step the
 * signals are the JVM's again, so Ctrl-C during the verification that follows stops the program as everywhere else.
 */
final class CancelOnSignal {

    /** A step that returns its outcome. */
    interface Step<T> {
        T run() throws InterruptedException;
    }

    private CancelOnSignal() {
    }

    /** Runs {@code step}, drawing {@code progress} and calling {@code cancel} on a signal. */
    static <T> T run(PrintWriter err, Supplier<RestoreProgress> progress, Runnable cancel, Step<T> step)
            throws InterruptedException {
        StopSignal signal = StopSignal.install();
        Thread onSignal = new Thread(() -> {
            try {
                signal.await();
                cancel.run();
            } catch (InterruptedException stepEndedFirst) {
                Thread.currentThread().interrupt();
            }
        }, "kaf-mirror-restore-cancel");
        onSignal.setDaemon(true);
        onSignal.start();
        ProgressBar bar = new ProgressBar(err, progress);
        bar.start();
        try {
            return step.run();
        } finally {
            onSignal.interrupt();
            bar.stop();
            signal.release();
        }
    }
}
