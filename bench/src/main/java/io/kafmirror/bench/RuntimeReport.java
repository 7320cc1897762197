package io.kafmirror.bench;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The machine and JVM a result belongs to, and the heap the run took: rates mean little without them. */
final class RuntimeReport {

    private static final long MIB = 1024 * 1024;

    private RuntimeReport() {
    }

    /** One line naming JVM, its JIT tiers, collector, heap limit, CPU model, cores and OS. */
    static String machine() {
        Runtime rt = Runtime.getRuntime();
        String collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(" + "));
        return String.format(Locale.ROOT, "JVM: %s %s (%s), JIT %s, GC %s, heap max %d MiB | CPU: %s, %d cores | OS: %s %s %s",
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"), System.getProperty("java.vendor"),
                jit(), collectors, rt.maxMemory() / MIB, cpuModel(), rt.availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"));
    }

    /** Heap in use now and the peak of each heap pool summed (an upper bound: the pools peak at different times). */
    static String heap() {
        Runtime rt = Runtime.getRuntime();
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return String.format(Locale.ROOT, "Heap: %d MiB used at the end, pool peaks sum to %d MiB, max %d MiB",
                (rt.totalMemory() - rt.freeMemory()) / MIB, peak / MIB, rt.maxMemory() / MIB);
    }

    /** Which of HotSpot's compilers the JVM uses: C1 only makes the console's frames steadier (bench/README.md, Console). */
    private static String jit() {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (hotspot == null) {
            return "unknown";
        }
        if ("false".equals(hotspot.getVMOption("TieredCompilation").getValue())) {
            return "C2 only";
        }
        return "1".equals(hotspot.getVMOption("TieredStopAtLevel").getValue()) ? "C1 only" : "C1 then C2";
    }

    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return System.getProperty("os.arch");
        }
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse(System.getProperty("os.arch"));
        } catch (IOException e) {
            return System.getProperty("os.arch");
        }
    }
}
