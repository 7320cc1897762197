package io.kafmirror.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The CPU time of every thread of this JVM as Linux counts it ({@code /proc/self/task/N/stat}), the JVM's own
 * compiler and GC threads included, which {@code ThreadMXBean} does not see. Empty where there is no {@code /proc}.
 */
final class ThreadCpu {

    /** Linux's clock ticks per second for {@code utime}/{@code stime}; 100 on every common kernel. */
    private static final long TICKS_PER_SECOND = 100;

    private final Map<String, Long> ticksByThread;

    private ThreadCpu(Map<String, Long> ticksByThread) {
        this.ticksByThread = ticksByThread;
    }

    /** The CPU time of each thread now, keyed by thread ID and name. */
    static ThreadCpu now() {
        Map<String, Long> ticks = new HashMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return new ThreadCpu(ticks);
        }
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                String stat;
                try {
                    stat = Files.readString(thread.resolve("stat"));
                } catch (IOException ended) {
                    continue;
                }
                // "tid (name) state ...": the name may hold spaces and parentheses, so split after its last ')'.
                int close = stat.lastIndexOf(')');
                String[] fields = stat.substring(close + 2).split(" ");
                ticks.put(thread.getFileName() + " " + stat.substring(stat.indexOf('(') + 1, close),
                        Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ThreadCpu(ticks);
    }

    /**
     * The share of the machine's CPU time since {@code before} that its hypervisor gave to other machines ("steal" in
     * {@code /proc/stat}), percent; NaN where there is no {@code /proc}. On a shared VM it makes every thread late.
     */
    static double stealPercentSince(long[] before) {
        long[] now = machineTicks();
        long total = now[0] - before[0];
        return total <= 0 ? Double.NaN : 100.0 * (now[1] - before[1]) / total;
    }

    /** The machine's CPU time so far and the part of it stolen by the hypervisor, in ticks: {total, steal}. */
    static long[] machineTicks() {
        try {
            String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] fields = cpu.trim().split("\\s+");
            long total = 0;
            // user nice system idle iowait irq softirq steal; guest time is counted in user already.
            for (int i = 1; i <= 8 && i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            return new long[] {total, fields.length > 8 ? Long.parseLong(fields[8]) : 0};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /** The threads that used most CPU since {@code before}, numbers in names folded so pools count as one: "name ms". */
    String busiestSince(ThreadCpu before, int howMany) {
        Map<String, Long> byName = new TreeMap<>();
        ticksByThread.forEach((thread, ticks) -> {
            long used = ticks - before.ticksByThread.getOrDefault(thread, 0L);
            String name = thread.substring(thread.indexOf(' ') + 1).replaceAll("\\d+", "N");
            byName.merge(name, used, Long::sum);
        });
        return byName.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(howMany)
                .map(e -> String.format(Locale.ROOT, "%s %d", e.getKey(), e.getValue() * 1000 / TICKS_PER_SECOND))
                .collect(Collectors.joining(", "));
    }
}
