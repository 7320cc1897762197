package io.kafmirror.bench;

import java.io.PrintStream;
import java.util.Locale;

/** Prints the console benchmark's results: the restore, then the FX thread while restoring and while idle. */
final class ConsoleReport {

    private ConsoleReport() {
    }

    /** Prints the restore of {@code loaded} with its frames, and the idle baseline measured for as long. */
    static void print(PrintStream out, Tally loaded, ConsoleBenchOptions options, ConsoleBench.Restored restored,
                      FrameWatch.Frames idle, FrameWatch.Frames moved, int movesAlone) {
        Rate rate = Rate.of(loaded, restored.nanos());
        out.printf(Locale.ROOT, "Restore from the screen (1200x760, AtlantaFX Primer light) into %s: %,d records, %.1f MiB"
                        + " payload in %.1f s from Restore pressed to the verification shown: %.1f MB/s, %,.0f records/s%n",
                restored.targetTopic(), loaded.records(), loaded.payloadBytes() / 1048576.0, restored.nanos() / 1e9,
                rate.megabytesPerSecond(), rate.recordsPerSecond());
        out.println("Max rate: " + (options.maxRate().isEmpty() ? "none" : options.maxRate() + " MB/s") + "; outcome shown: "
                + restored.outcome().replace('\n', ' '));
        out.printf(Locale.ROOT, "Restore point moved %d times meanwhile (Shift+Left / Shift+Right on the timeline every %d ms:"
                        + " a plan and a preview each); failure notifications: %d%n", restored.moves(), options.moveMillis(),
                restored.notifications());
        out.printf(Locale.ROOT, "%-18s %7s %26s %8s %8s %28s %7s %10s %9s %6s%n", "FX thread", "frames", "pulse gap ms p50/p99/max",
                "> " + ConsoleBench.STALL_MILLIS + " ms", "probes", "runLater wait ms p50/p99/max", "FX CPU", "render CPU",
                "JVM cores", "steal");
        row(out, "restoring", restored.frames());
        row(out, "idle (baseline)", idle);
        row(out, "moving, no restore", moved);
        FrameWatch.Spread gaps = restored.frames().pulseGaps();
        out.printf(Locale.ROOT, "Target: no frame stall over %d ms: %s (longest pulse gap %.1f ms while restoring, %d over)%n",
                ConsoleBench.STALL_MILLIS, gaps.over100() == 0 ? "MET" : "MISSED", gaps.max(), gaps.over100());
        if (gaps.over100() > 0) {
            FrameWatch.Frames frames = restored.frames();
            out.printf(Locale.ROOT, "Inside those stalls (%.0f ms in all) the FX thread ran %.0f ms (%.0f%%); the rest it waited"
                            + " for a core, the render thread or a GC pause%n", frames.stalledNanos() / 1e6,
                    frames.stalledFxCpuNanos() / 1e6, 100.0 * frames.stalledFxCpuNanos() / frames.stalledNanos());
        }
        out.println("Busiest threads, CPU ms (Linux's count, the JVM's own threads included):");
        out.println("  restoring: " + restored.frames().busiestThreads());
        out.println("  idle: " + idle.busiestThreads());
        out.println("  moving, no restore: " + moved.busiestThreads());
        if (movesAlone > 0) {
            out.printf(Locale.ROOT, "One move of the point (%d without a restore, over the idle baseline): FX thread %.1f ms CPU,"
                            + " render thread %.1f ms CPU%n", movesAlone,
                    perMove(moved.fxCpuNanos(), moved.wallNanos(), idle.fxCpuNanos(), idle.wallNanos(), movesAlone),
                    perMove(moved.renderCpuNanos(), moved.wallNanos(), idle.renderCpuNanos(), idle.wallNanos(), movesAlone));
        }
        out.println(RuntimeReport.heap());
    }

    /** CPU per move, ms: the span's CPU less what the idle baseline used in as long, shared among the moves. */
    private static double perMove(long cpuNanos, long wallNanos, long idleCpuNanos, long idleWallNanos, int moves) {
        return (cpuNanos - (double) idleCpuNanos * wallNanos / idleWallNanos) / moves / 1e6;
    }

    private static void row(PrintStream out, String name, FrameWatch.Frames frames) {
        FrameWatch.Spread gaps = frames.pulseGaps();
        FrameWatch.Spread waits = frames.probeWaits();
        out.printf(Locale.ROOT, "%-18s %7d %26s %8d %8d %28s %6.0f%% %9.0f%% %9.2f %5.0f%%%n", name, gaps.count() + 1, spread(gaps),
                gaps.over100(), waits.count(), spread(waits), 100.0 * frames.fxCpuNanos() / frames.wallNanos(),
                100.0 * frames.renderCpuNanos() / frames.wallNanos(), (double) frames.jvmCpuNanos() / frames.wallNanos(),
                frames.stealPercent());
    }

    private static String spread(FrameWatch.Spread s) {
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f", s.p50(), s.p99(), s.max());
    }
}
