package io.kafmirror.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/** {@link Background} on a small pool of daemon threads, results delivered through {@link Task} events on the FX thread. */
public final class FxBackground implements Background {

    private final ExecutorService threads;

    /**
     * A pool of two threads: a slow cluster (a preview waiting for a timeout) never holds up the rest of the screen. Daemons,
     * so they never keep the console alive.
     */
    public FxBackground() {
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "console-background-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The threads, for a {@link javafx.concurrent.ScheduledService} that shares them. */
    public ExecutorService threads() {
        return threads;
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> done, Consumer<Throwable> failed) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> done.accept(task.getValue()));
        task.setOnFailed(e -> failed.accept(task.getException()));
        threads.execute(task);
    }
}
