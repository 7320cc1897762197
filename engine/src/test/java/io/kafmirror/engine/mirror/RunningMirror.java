package io.kafmirror.engine.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.testkit.StoredRecords;
import io.kafmirror.kfs.catalog.SegmentArchive;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** A {@link MirrorTask} on its own thread, with what it reported, for tests. */
final class RunningMirror implements AutoCloseable {

    final RecordingListener reported = new RecordingListener();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final MirrorTask task;
    private final SegmentArchive archive;
    private final MirrorSettings settings;
    private final Thread thread;

    RunningMirror(MirrorSettings settings, String bootstrap, SegmentArchive archive) {
        this(settings, clientOf(bootstrap), archive);
    }

    RunningMirror(MirrorSettings settings, Properties client, SegmentArchive archive) {
        this.settings = settings;
        this.archive = archive;
        this.task = new MirrorTask(settings, client, archive, reported, Clock.systemUTC());
        this.thread = new Thread(() -> {
            try {
                task.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "test-mirror");
        thread.start();
    }

    private static Properties clientOf(String bootstrap) {
        Properties client = new Properties();
        client.put("bootstrap.servers", bootstrap);
        return client;
    }

    MirrorTask task() {
        return task;
    }

    /** Waits until the task ended by itself and returns what it failed with. */
    Throwable awaitFailure() {
        try {
            thread.join(Duration.ofSeconds(60).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(thread.isAlive()).as("mirror still running").isFalse();
        assertThat(failure.get()).as("mirror failure").isNotNull();
        return failure.get();
    }

    /**
     * Waits until the catalog holds {@code count} records of {@code topic}, for as long as it keeps growing: a long
     * catch-up on a loaded machine is slow, not stuck; a minute without a new record is.
     */
    void awaitStored(String topic, long count) {
        long[] seen = {-1};
        while (true) {
            long before = seen[0];
            await(() -> {
                seen[0] = StoredRecords.count(archive, settings.cluster(), topic);
                return seen[0] >= count || seen[0] > before;
            }, () -> "the backup holding " + count + " records of " + topic + " (has " + seen[0] + ", none added for a minute)");
            if (seen[0] >= count) {
                return;
            }
        }
    }

    /** Waits until an event of {@code type} was reported. */
    MirrorEvent awaitEvent(MirrorEvent.Type type) {
        await(() -> reported.eventTypes().contains(type), () -> "a " + type + " event; got " + reported.events);
        return reported.events.stream().filter(e -> e.type() == type).findFirst().orElseThrow();
    }

    void await(BooleanSupplier condition, Supplier<String> what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(failure.get()).as("mirror failure").isNull();
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what.get());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted", e);
            }
        }
    }

    Throwable failure() {
        return failure.get();
    }

    @Override
    public void close() {
        task.stop();
        try {
            thread.join(Duration.ofSeconds(60).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(thread.isAlive()).as("mirror thread still running after stop").isFalse();
    }
}
