package io.kafmirror.engine.state;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A long task's sign of life in the state database: a daemon thread notes every {@link #INTERVAL} that the task still
 * runs, so another program reading the database (console, CLI, evidence pack) tells one that runs from one whose program
 * was killed or crashed, which stays marked running but goes {@linkplain #silent silent}. Restores and drills use it.
 */
public final class Heartbeat {

    /** How often a program running a task notes that it still runs. */
    public static final Duration INTERVAL = Duration.ofSeconds(5);

    /** How long a task marked running may go without a note before it counts as stopped without a word: six beats. */
    public static final Duration SILENCE = INTERVAL.multipliedBy(6);

    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

    private final Thread beat;

    private Heartbeat(Thread beat) {
        this.beat = beat;
    }

    /** Whether a task marked running whose last sign of life was at {@code lastSign} is silent at {@code now}. */
    public static boolean silent(Instant lastSign, Instant now) {
        return lastSign.plus(SILENCE).isBefore(now);
    }

    /**
     * Starts running {@code note} every {@link #INTERVAL} for the task {@code what} (as "Drill #4", for the log) until
     * {@link #stop}. A note that fails ends the beat with a warning: the task goes on, and other programs may show it as
     * stopped.
     */
    public static Heartbeat start(String what, Runnable note) {
        Thread beat = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(INTERVAL.toMillis());
                    note.run();
                }
            } catch (InterruptedException ended) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warn("{}: its progress could not be noted in the state database ({}); it goes on, and other programs"
                        + " may show it as stopped", what, e.getMessage());
            }
        }, "kaf-mirror-heartbeat " + what);
        beat.setDaemon(true);
        beat.start();
        return new Heartbeat(beat);
    }

    /** Stops the beat and waits until no note is being written. */
    public void stop() throws InterruptedException {
        beat.interrupt();
        beat.join();
    }
}
