package io.kafmirror.ui;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javafx.concurrent.ScheduledService;
import javafx.concurrent.Task;
import javafx.util.Duration;

/**
 * Feeds the {@link StatusBarModel} from a {@link StatusProbe} on two background threads: the jobs every few
 * seconds (H2 is local and quick), the stores every few minutes (S3 calls cost time and requests). Results reach
 * the model on the FX thread, through the services' success and failure events.
 */
public final class StatusUpdates implements AutoCloseable {

    private final StatusProbe probe;
    private final ExecutorService threads;
    private final ScheduledService<JobsSummary> jobs;
    private final ScheduledService<Optional<List<StoreStatus>>> stores;

    /** Updates of {@code model} from {@code probe}, not started yet. */
    public StatusUpdates(StatusProbe probe, StatusBarModel model, Duration jobsEvery, Duration storesEvery) {
        this.probe = probe;
        AtomicInteger count = new AtomicInteger();
        // Two threads, so a slow S3 check never holds up the jobs; daemons, so they never keep the JVM alive.
        this.threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "console-status-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.jobs = every(jobsEvery, probe::jobs);
        jobs.setOnSucceeded(e -> model.showJobs(jobs.getValue()));
        jobs.setOnFailed(e -> model.jobsUnavailable(Problem.of(jobs.getException())));
        this.stores = every(storesEvery, probe::stores);
        stores.setOnSucceeded(e -> model.showStores(stores.getValue()));
        stores.setOnFailed(e -> model.storesUnavailable(Problem.of(stores.getException())));
    }

    /** Starts both updates, the first right away. Call on the FX thread. */
    public void start() {
        jobs.start();
        stores.start();
    }

    /** Stops the updates and closes the probe on its own thread, so the FX thread never waits for H2. Once is enough. */
    @Override
    public void close() {
        if (threads.isShutdown()) {
            return;
        }
        jobs.cancel();
        stores.cancel();
        threads.submit(probe::close);
        threads.shutdown();
    }

    /**
     * Waits up to {@code limit} for a probe under way and the probe's closing to end: on the way out, so the process (or a
     * test's clean-up of the data folder) does not go on while H2 still writes there.
     */
    public void awaitClosed(Duration limit) throws InterruptedException {
        threads.awaitTermination((long) limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    private <T> ScheduledService<T> every(Duration period, Supplier<T> read) {
        ScheduledService<T> service = new ScheduledService<>() {
            @Override
            protected Task<T> createTask() {
                return new Task<>() {
                    @Override
                    protected T call() {
                        return read.get();
                    }
                };
            }
        };
        service.setPeriod(period);
        service.setExecutor(threads);
        return service;
    }
}
