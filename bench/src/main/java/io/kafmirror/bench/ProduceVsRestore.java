package io.kafmirror.bench;

import io.kafmirror.engine.restore.RestoreOutcome;
import io.kafmirror.engine.restore.RestorePlan;
import io.kafmirror.engine.restore.RestorePlanner;
import io.kafmirror.engine.restore.RestorePoint;
import io.kafmirror.engine.restore.RestoreRequest;
import io.kafmirror.engine.restore.RestoreRun;
import io.kafmirror.engine.restore.RestoreTarget;
import io.kafmirror.engine.restore.RestoreVerification;
import io.kafmirror.engine.restore.RestoreVerifier;
import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.format.KfsRecord;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;

/**
 * The throughput race on one backup: a plain producer writing the backed-up records (already in memory) into a fresh
 * topic, and the engine restoring the backup into another fresh topic, from planning to the last acknowledgement. Both
 * run in every iteration, first one then the other in turn, so that a machine getting busier or slower during the run
 * slows both alike. Medians are kept; every pass must leave every record in its topic.
 */
final class ProduceVsRestore {

    /**
     * Medians of the measured passes.
     *
     * @param raw             the plain producer
     * @param restore         the engine's restore, planning included
     * @param planMillis      the restore's planning, ms
     * @param rawCpu          CPU seconds of the sending thread and of the whole JVM (broker included) per raw pass
     * @param restoreCpu      the same per restore pass
     * @param verification    the read-back check of the first measured restore, which no rate includes
     */
    record Result(Rate raw, Rate restore, double planMillis, Cpu rawCpu, Cpu restoreCpu, RestoreVerification verification) {
    }

    /**
     * CPU time of a pass, s.
     *
     * @param thread the calling thread, which sends (and, restoring, reads and decodes the segments)
     * @param jvm    every thread of the JVM: the producer's I/O thread and the broker too
     */
    record Cpu(double thread, double jvm) {
    }

    private record Pass(long nanos, long threadCpuNanos, long jvmCpuNanos) {
    }

    private static final Map<String, String> TOPIC_CONFIG = Map.of("segment.bytes", String.valueOf(256 << 20), "retention.ms", "-1");

    private final KafkaTestBroker broker;
    private final SegmentArchive archive;
    private final String sourceTopic;
    private final Map<Integer, List<KfsRecord>> records;
    private final Tally loaded;
    private final RestoreBenchOptions options;
    private final Map<Integer, Long> expected = new TreeMap<>();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private RestoreVerification verification;
    // Set by each restore pass: its plan, for the read-back check, and how long planning took, for its log line.
    private RestorePlan plan;
    private long planNanos;

    /** A race over the backup of {@code sourceTopic} in {@code archive}, which holds {@code records} ({@code loaded}). */
    ProduceVsRestore(KafkaTestBroker broker, SegmentArchive archive, String sourceTopic, Map<Integer, List<KfsRecord>> records,
                     Tally loaded, RestoreBenchOptions options) {
        this.broker = broker;
        this.archive = archive;
        this.sourceTopic = sourceTopic;
        this.records = records;
        this.loaded = loaded;
        this.options = options;
        records.forEach((p, list) -> expected.put(p, (long) list.size()));
    }

    /** Runs the warm-up and measured iterations, one line per pass to {@code log}. */
    Result run(PrintStream log) throws InterruptedException {
        List<Pass> raw = new ArrayList<>();
        List<Pass> restore = new ArrayList<>();
        List<Long> plans = new ArrayList<>();
        try (Admin admin = broker.admin()) {
            for (int i = 0; i < options.warmups() + options.iterations(); i++) {
                boolean kept = i >= options.warmups();
                String label = kept ? "iteration " + (i - options.warmups() + 1) : "warm-up " + (i + 1);
                Pass rawPass = null;
                Pass restorePass = null;
                // Taking turns at going first keeps whatever the first pass leaves behind (page cache, broker log
                // flushes) from always falling on the same side.
                for (boolean rawTurn : i % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                    if (rawTurn) {
                        rawPass = rawProduce(admin, "raw." + i);
                        log.printf(Locale.ROOT, "%s: raw produce %.1f s, %.1f MB/s%n", label, rawPass.nanos / 1e9,
                                Rate.of(loaded, rawPass.nanos).megabytesPerSecond());
                    } else {
                        restorePass = restore(admin, "restored." + i, kept && verification == null);
                        log.printf(Locale.ROOT, "%s: restore %.1f s (planning %.0f ms), %.1f MB/s%n", label,
                                restorePass.nanos / 1e9, planNanos / 1e6, Rate.of(loaded, restorePass.nanos).megabytesPerSecond());
                    }
                }
                if (kept) {
                    raw.add(rawPass);
                    restore.add(restorePass);
                    plans.add(planNanos);
                }
            }
        }
        return new Result(Rate.of(loaded, Median.of(raw.stream().map(Pass::nanos).toList())),
                Rate.of(loaded, Median.of(restore.stream().map(Pass::nanos).toList())), Median.of(plans) / 1e6,
                cpu(raw), cpu(restore), verification);
    }

    private Pass rawProduce(Admin admin, String topic) throws InterruptedException {
        createEmpty(admin, topic);
        Pass pass = timed(() -> RawProduce.send(broker.client(), topic, records));
        TopicEnds.require(admin, topic, expected, "The raw producer");
        return pass;
    }

    private Pass restore(Admin admin, String topic, boolean verify) throws InterruptedException {
        createEmpty(admin, topic);
        RestoreTarget target = new RestoreTarget(topic, emptyPartitions());
        Pass pass = timed(() -> {
            long start = System.nanoTime();
            plan = new RestorePlanner(archive).plan(RestoreRequest.of(RestoreBenchOptions.CLUSTER, sourceTopic,
                    new RestorePoint.AtTime(Instant.now())));
            planNanos = System.nanoTime() - start;
            RestoreOutcome outcome = new RestoreRun(archive, plan, broker.client(), target, 0, Clock.systemUTC()).run();
            if (!outcome.completed() || outcome.records() != loaded.records()) {
                throw new IllegalStateException("The restore wrote " + outcome.records() + " of " + loaded.records() + " records");
            }
        });
        TopicEnds.require(admin, topic, expected, "The restore");
        if (verify) {
            verification = new RestoreVerifier(archive, plan, broker.client(), target, Clock.systemUTC()).verify();
            if (!verification.passed()) {
                throw new IllegalStateException("The restored topic " + topic + " differs from the backup: "
                        + verification.firstMismatch());
            }
        }
        return pass;
    }

    /** Creates {@code topic}; the broker leads its partitions once this returns, so no pass pays for the topic's start. */
    private void createEmpty(Admin admin, String topic) throws InterruptedException {
        broker.createTopic(topic, options.partitions(), TOPIC_CONFIG);
        TopicEnds.require(admin, topic, emptyPartitions(), "Creating the topic");
    }

    private Map<Integer, Long> emptyPartitions() {
        Map<Integer, Long> zeros = new TreeMap<>();
        expected.keySet().forEach(p -> zeros.put(p, 0L));
        return zeros;
    }

    /** Runs {@code work} after a collection (so that the previous pass's garbage is not collected on its clock). */
    private Pass timed(Work work) throws InterruptedException {
        System.gc();
        long cpu = threads.getCurrentThreadCpuTime();
        long jvm = os.getProcessCpuTime();
        long start = System.nanoTime();
        work.run();
        return new Pass(System.nanoTime() - start, threads.getCurrentThreadCpuTime() - cpu, os.getProcessCpuTime() - jvm);
    }

    private static Cpu cpu(List<Pass> passes) {
        return new Cpu(Median.of(passes.stream().map(Pass::threadCpuNanos).toList()) / 1e9,
                Median.of(passes.stream().map(Pass::jvmCpuNanos).toList()) / 1e9);
    }

    /** A pass's work, which may be interrupted. */
    @FunctionalInterface
    private interface Work {
        void run() throws InterruptedException;
    }
}
