package io.kafmirror.bench;

import io.kafmirror.engine.mirror.MirrorSettings;
import io.kafmirror.engine.mirror.PartitionProgress;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Mirror latency under a steady produce load: a producer sends at a fixed rate into a fresh topic
 * while the engine mirrors it, and every record's latency is its CreateTime to the moment the
 * segment holding it was stored and catalogued. The engine's own view ({@code MirrorTask.progress()})
 * is printed beside it every few seconds, with the heap.
 */
final class SteadyLatency {

    /**
     * What the latency phase measured.
     *
     * @param records         records produced and stored
     * @param p50Millis       median latency
     * @param p99Millis       99th percentile
     * @param maxMillis       the slowest record
     * @param baselineLiveMib live heap after a collection before the mirror started (broker and producer)
     * @param mirroringLiveMib live heap after a collection with the mirror running, at the end of the load
     * @param peakAfterGcMib  the most heap in use after any collection during the phase; empty when none ran
     * @param poolPeaksMib    heap pool peaks during the phase summed (garbage included)
     * @param maxHeldMib      most record bytes the engine held (buffered plus waiting for the store), sampled each second
     */
    record Result(long records, long p50Millis, long p99Millis, long maxMillis, double baselineLiveMib,
                  double mirroringLiveMib, OptionalDouble peakAfterGcMib, double poolPeaksMib, double maxHeldMib) {
    }

    private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long HELD_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long READY_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long DRAIN_TIMEOUT_MILLIS = TimeUnit.SECONDS.toMillis(120);

    private final String bootstrap;
    private final String topic;
    private final EngineBenchOptions options;
    private final HeapWatch heap;
    private final PrintStream log;

    /** A latency phase on {@code topic}, which must exist and be empty, logging progress to {@code log}. */
    SteadyLatency(String bootstrap, String topic, EngineBenchOptions options, HeapWatch heap, PrintStream log) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.options = options;
        this.heap = heap;
        this.log = log;
    }

    /** Runs the load against a mirror with {@code settings} archiving under {@code parent}. */
    Result run(MirrorSettings settings, Path parent) throws IOException, InterruptedException {
        int total = options.rate() * options.seconds();
        AckedTimestamps acked = new AckedTimestamps(options.partitions(), total / options.partitions() + 1);
        double baseline = heap.liveMib();
        heap.resetPeak();
        try (PaymentProducer producer = new PaymentProducer(bootstrap, topic, options.partitions(),
                options.producerCompression(), options.seed());
             ScratchMirror mirror = new ScratchMirror(bootstrap, settings, parent)) {
            mirror.start();
            awaitAssigned(mirror);
            double maxHeld = produce(producer, mirror, acked, total);
            producer.confirm();
            mirror.awaitStored(total, DRAIN_TIMEOUT_MILLIS);
            OptionalDouble peakAfterGc = heap.peakAfterGcMib();
            double poolPeaks = heap.poolPeaksMib();
            double mirroring = heap.liveMib();
            if (mirror.stored().records() != total) {
                throw new IllegalStateException("The mirror stored " + mirror.stored().records() + " records of " + total);
            }
            long[] latencies = mirror.stored().ranges().stream().flatMapToLong(acked::latencies).sorted().toArray();
            return new Result(total, percentile(latencies, 0.50), percentile(latencies, 0.99),
                    latencies[latencies.length - 1], baseline, mirroring, peakAfterGc, poolPeaks, maxHeld);
        }
    }

    /** Waits until the task has read the source's end offsets: from then on it is polling its partitions. */
    private static void awaitAssigned(ScratchMirror mirror) {
        long deadline = System.nanoTime() + READY_TIMEOUT_NANOS;
        while (mirror.task().progress().sample(Instant.now()).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The mirror did not take up its partitions within 30 s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    /** Sends {@code total} records at the configured rate; returns the most MiB the engine held meanwhile. */
    private double produce(PaymentProducer producer, ScratchMirror mirror, AckedTimestamps acked, int total) {
        long start = System.nanoTime();
        long nextProgress = start + PROGRESS_EVERY_NANOS;
        long nextHeld = start;
        double maxHeld = 0;
        for (int i = 0; i < total; i++) {
            // Each record has its own send time, so a late record does not make the next ones bunch up.
            long due = start + i * 1_000_000_000L / options.rate();
            long now = System.nanoTime();
            if (due > now) {
                LockSupport.parkNanos(due - now);
            }
            producer.send(acked);
            if (now >= nextHeld) {
                maxHeld = Math.max(maxHeld, mirror.task().heldBytes() / (1024.0 * 1024));
                nextHeld = now + HELD_EVERY_NANOS;
            }
            if (now >= nextProgress) {
                logProgress(mirror, (now - start) / 1e9);
                nextProgress = now + PROGRESS_EVERY_NANOS;
            }
        }
        return maxHeld;
    }

    /** One line of the engine's own view of the last interval: latency per partition, lag and memory. */
    private void logProgress(ScratchMirror mirror, double seconds) {
        List<PartitionProgress> partitions = mirror.task().progress().sample(Instant.now());
        long[] p50s = partitions.stream().mapToLong(PartitionProgress::latencyP50Millis).sorted().toArray();
        long p99 = partitions.stream().mapToLong(PartitionProgress::latencyP99Millis).max().orElse(0);
        long lag = partitions.stream().mapToLong(p -> Math.max(0, p.lagRecords())).sum();
        log.printf(Locale.ROOT, "  %3.0f s: engine progress p50 %d ms (median of partitions), p99 %d ms (worst partition),"
                        + " lag %,d records, held %.1f MiB, heap %.0f MiB%n", seconds, percentile(p50s, 0.5), p99, lag,
                mirror.task().heldBytes() / (1024.0 * 1024),
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024.0 * 1024));
    }

    /** The nearest-rank percentile of sorted {@code values}; 0 when there are none. */
    private static long percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
