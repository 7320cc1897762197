package io.kafmirror.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Times the FX thread while it runs: the gap between consecutive pulses (what the user sees as a stalled frame) and how
 * long a {@code Platform.runLater} posted from another thread waits before it runs (what an input event or a
 * background result waits). Also the CPU time of the FX thread and of the whole JVM meanwhile: a stall while the FX
 * thread was mostly idle and the JVM used both cores is a thread waiting for a core, not work on the FX thread. Start
 * and stop it on the FX thread.
 */
final class FrameWatch {

    /** How often a probe is posted to the FX thread, ms. */
    static final long PROBE_MILLIS = 20;
    private static final String RENDER_THREAD = "QuantumRenderer";

    // Both lists are written on the FX thread only: by the timer and by the probes when they run.
    private final List<Long> pulseGaps = new ArrayList<>();
    private final List<Long> probeWaits = new ArrayList<>();
    private long stalledNanos;
    private long stalledFxCpuNanos;
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-fx-prober");
        t.setDaemon(true);
        return t;
    });
    private final AnimationTimer pulses = new AnimationTimer() {
        private long last = -1;
        private long lastFxCpu;

        @Override
        public void handle(long now) {
            long fxCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            if (last >= 0) {
                pulseGaps.add(now - last);
                if (now - last > ConsoleBench.STALL_MILLIS * 1_000_000L) {
                    stalledNanos += now - last;
                    stalledFxCpuNanos += fxCpu - lastFxCpu;
                }
            }
            last = now;
            lastFxCpu = fxCpu;
        }
    };

    private final long startNanos = System.nanoTime();
    private final long startFxCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    private final long startRenderCpu = renderCpu();
    private final long startJvmCpu = jvmCpu();
    private final ThreadCpu startThreads = ThreadCpu.now();
    private final long[] startMachine = ThreadCpu.machineTicks();

    private FrameWatch() {
    }

    /** Starts timing pulses and posting probes; on the FX thread. */
    static FrameWatch start() {
        FrameWatch watch = new FrameWatch();
        watch.pulses.start();
        watch.prober.scheduleAtFixedRate(watch::probe, 0, PROBE_MILLIS, TimeUnit.MILLISECONDS);
        return watch;
    }

    /** Stops timing and returns what was measured; on the FX thread, so no probe runs after it. */
    Frames stop() {
        pulses.stop();
        prober.shutdownNow();
        return new Frames(Spread.of(pulseGaps), Spread.of(probeWaits), System.nanoTime() - startNanos,
                ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - startFxCpu, renderCpu() - startRenderCpu,
                jvmCpu() - startJvmCpu, stalledNanos, stalledFxCpuNanos, ThreadCpu.now().busiestSince(startThreads, 8),
                ThreadCpu.stealPercentSince(startMachine));
    }

    /** CPU time of the thread that renders the scene (Quantum's renderer; with the software pipeline it rasterizes too). */
    private static long renderCpu() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(RENDER_THREAD))
                .mapToLong(t -> ManagementFactory.getThreadMXBean().getThreadCpuTime(t.getId())).sum();
    }

    private static long jvmCpu() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private void probe() {
        long posted = System.nanoTime();
        Platform.runLater(() -> probeWaits.add(System.nanoTime() - posted));
    }

    /**
     * The FX thread over one measured span.
     *
     * @param pulseGaps   time between consecutive pulses
     * @param probeWaits  time a runLater waited before it ran
     * @param wallNanos   how long the span was
     * @param fxCpuNanos  CPU time of the FX thread in it
     * @param renderCpuNanos CPU time of the render thread in it
     * @param jvmCpuNanos CPU time of the whole JVM (broker included) in it
     * @param stalledNanos      the pulse gaps over {@link ConsoleBench#STALL_MILLIS}, added up
     * @param stalledFxCpuNanos CPU time of the FX thread inside those gaps: the rest of them it waited, not worked
     * @param busiestThreads    the threads that used most CPU in the span, with their ms
     * @param stealPercent      the share of the machine's CPU its hypervisor gave to other machines meanwhile
     */
    record Frames(Spread pulseGaps, Spread probeWaits, long wallNanos, long fxCpuNanos, long renderCpuNanos, long jvmCpuNanos,
            long stalledNanos, long stalledFxCpuNanos, String busiestThreads, double stealPercent) {
    }

    /**
     * Distribution of measured waits, ms.
     *
     * @param count    how many were measured
     * @param p50      median
     * @param p99      99th percentile (nearest rank)
     * @param max      longest
     * @param over100  how many exceeded {@link ConsoleBench#STALL_MILLIS}
     */
    record Spread(int count, double p50, double p99, double max, long over100) {

        static Spread of(List<Long> nanos) {
            if (nanos.isEmpty()) {
                return new Spread(0, Double.NaN, Double.NaN, Double.NaN, 0);
            }
            List<Long> sorted = nanos.stream().sorted().toList();
            long over = sorted.stream().filter(n -> n > ConsoleBench.STALL_MILLIS * 1_000_000L).count();
            return new Spread(sorted.size(), rank(sorted, 0.50), rank(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6, over);
        }

        private static double rank(List<Long> sorted, double quantile) {
            int index = (int) Math.ceil(quantile * sorted.size()) - 1;
            return sorted.get(Math.max(0, index)) / 1e6;
        }
    }
}
