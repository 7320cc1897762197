package io.kafmirror.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Heap use over a phase: the live heap after a full collection now, the most the heap held after any
 * collection since {@link #resetPeak} (what the phase really kept alive), and the pools' raw peaks
 * (which include garbage not yet collected). The bench broker shares the JVM, so its heap is in all
 * three; the live heap measured before the mirror starts is the baseline to subtract.
 */
final class HeapWatch {

    private static final double MIB = 1024.0 * 1024;

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private final Set<String> heapPoolNames = heapPools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    // -1 until a collection is heard of after resetPeak: a quiet phase may see none.
    private volatile long peakAfterGc = -1;

    /** Starts listening to collections; one watch serves a whole run. */
    HeapWatch() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    afterGc(GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                            .getGcInfo().getMemoryUsageAfterGc());
                }
            }, null, null);
        }
    }

    /** Heap in use after a full collection, MiB: what the JVM really holds on to right now. */
    double liveMib() {
        ManagementFactory.getMemoryMXBean().gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / MIB;
    }

    /** Starts new peaks from now. */
    void resetPeak() {
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        peakAfterGc = -1;
    }

    /** The most heap in use right after a collection since {@link #resetPeak}, MiB; empty when none ran. */
    OptionalDouble peakAfterGcMib() {
        long peak = peakAfterGc;
        return peak < 0 ? OptionalDouble.empty() : OptionalDouble.of(peak / MIB);
    }

    /** Each heap pool's peak since {@link #resetPeak} summed, MiB: an upper bound that counts uncollected garbage. */
    double poolPeaksMib() {
        return heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / MIB;
    }

    private void afterGc(Map<String, MemoryUsage> pools) {
        long used = pools.entrySet().stream().filter(e -> heapPoolNames.contains(e.getKey()))
                .mapToLong(e -> e.getValue().getUsed()).sum();
        // Notifications come on one JMX thread, so check-then-set needs no lock.
        if (used > peakAfterGc) {
            peakAfterGc = used;
        }
    }
}
