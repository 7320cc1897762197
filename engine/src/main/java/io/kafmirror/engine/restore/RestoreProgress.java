package io.kafmirror.engine.restore;

import io.kafmirror.kfs.format.KfsRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far a running restore is: records and bytes done — acknowledged by the target, or written to the restore file —
 * out of the plan's. Read from any thread (the console's progress bar, the CLI's); written by the producer's callbacks
 * or the file's writer.
 */
public final class RestoreProgress {

    private final long plannedRecords;
    private final Instant started;
    private final long alreadyRestored;
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    RestoreProgress(long plannedRecords, long alreadyRestored, Instant started) {
        this.plannedRecords = plannedRecords;
        this.started = started;
        this.alreadyRestored = alreadyRestored;
    }

    /** The bytes {@code r} counts for: its key, value, header keys and header values. */
    static long size(KfsRecord r) {
        long size = (r.key() == null ? 0 : r.key().length) + (r.value() == null ? 0 : r.value().length);
        for (var h : r.headers()) {
            size += h.key().length() + (h.value() == null ? 0 : h.value().length);
        }
        return size;
    }

    void acknowledged(long recordBytes) {
        records.incrementAndGet();
        bytes.addAndGet(recordBytes);
    }

    /** Records the plan restores. */
    public long plannedRecords() {
        return plannedRecords;
    }

    /** Records done, those of an interrupted earlier run included. */
    public long records() {
        return alreadyRestored + records.get();
    }

    /** Bytes of key, value and headers done in this run. */
    public long bytes() {
        return bytes.get();
    }

    /** The share done, 0 to 1. */
    public double fraction() {
        return plannedRecords == 0 ? 1 : Math.min(1, (double) records() / plannedRecords);
    }

    /** The time left at this run's rate so far; empty before the first acknowledgement. */
    public Optional<Duration> remaining(Instant now) {
        long elapsed = Duration.between(started, now).toMillis();
        long recordsThisRun = records.get();
        if (elapsed <= 0 || recordsThisRun == 0) {
            return Optional.empty();
        }
        double perMilli = (double) recordsThisRun / elapsed;
        return Optional.of(Duration.ofMillis((long) (Math.max(0, plannedRecords - records()) / perMilli)));
    }
}
