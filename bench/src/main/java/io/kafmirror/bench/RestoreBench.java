package io.kafmirror.bench;

import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.StoredRecords;
import io.kafmirror.kfs.format.KfsRecord;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Measures restore (issue #4): on a real Kafka broker (KRaft) started in this JVM, the rate at which the engine restores
 * a backed-up topic against the rate at which a plain kafka-clients producer writes the same records; then, without a
 * broker, how long planning a restore point takes in a backup of ten million records and how many object reads it
 * makes. On demand only ({@code bench/run restore}); never part of the build's tests.
 */
public final class RestoreBench {

    /** Restore must reach this share of the raw produce rate (issue #4). */
    static final double RESTORE_TARGET = 0.8;
    /** Planning a restore point must take less than this, ms (issue #4). */
    static final double PLANNING_TARGET_MILLIS = 200;
    /** Planning may read at most this many objects per partition (issue #4). */
    static final int READS_TARGET = 3;

    private static final String SOURCE_TOPIC = "payments.source";

    private RestoreBench() {
    }

    /** Runs the benchmark; {@code --help} lists the options. */
    public static void main(String[] args) throws Exception {
        Optional<RestoreBenchOptions> parsed = OptionValues.parseOrExit(args, RestoreBenchOptions::parse, RestoreBenchOptions.USAGE);
        if (parsed.isEmpty()) {
            return;
        }
        RestoreBenchOptions options = parsed.get();
        System.out.println(RuntimeReport.machine());
        try (ScratchDir work = ScratchDir.create(options.dataDir().orElse(null), "kaf-mirror-restore-bench-")) {
            if (options.runs("race")) {
                race(options, work.path(), System.out, System.err);
            }
            if (options.runs("planning")) {
                planning(options, work.path().resolve("planning"), System.out, System.err);
            }
        }
        // The broker's and clients' non-daemon threads would keep a finished run alive.
        System.exit(0);
    }

    private static void race(RestoreBenchOptions options, Path work, PrintStream out, PrintStream log) throws Exception {
        try (KafkaTestBroker broker = KafkaTestBroker.start(work.resolve("broker"))) {
            out.println("Broker: Kafka KRaft (broker + controller) in this JVM; data in " + work);
            Tally loaded = PaymentProducer.createAndLoad(BenchBroker.of(broker, "in this JVM"), SOURCE_TOPIC, options.partitions(),
                    options.producerCompression(), options.seed(), options.payloadBytes(), log);
            try (ScratchMirror mirror = new ScratchMirror(broker.bootstrap(), options.mirrorSettings(SOURCE_TOPIC), work)) {
                log.printf(Locale.ROOT, "Backed up in %.1f s%n", mirror.backUp(loaded.records()) / 1e9);
                Map<Integer, List<KfsRecord>> records = StoredRecords.of(mirror.archive(), RestoreBenchOptions.CLUSTER, SOURCE_TOPIC);
                long segments = mirror.archive().catalog().segments(RestoreBenchOptions.CLUSTER, SOURCE_TOPIC).size();
                out.printf(Locale.ROOT, "Topic %s: %,d records over %d partitions, %.1f MiB payload (avg %d bytes), producer"
                                + " batches %s; backed up once into %d segments (source batches kept, %s for those the engine"
                                + " builds); seed %d%n", SOURCE_TOPIC, loaded.records(),
                        options.partitions(), loaded.payloadBytes() / 1048576.0, loaded.payloadBytes() / loaded.records(),
                        options.producerCompression(), segments, options.codec().name().toLowerCase(Locale.ROOT),
                        options.seed());
                ProduceVsRestore.Result r = new ProduceVsRestore(broker, mirror.archive(), SOURCE_TOPIC, records, loaded, options)
                        .run(log);
                RestoreReport.race(out, options, r);
            }
        }
    }

    private static void planning(RestoreBenchOptions options, Path dir, PrintStream out, PrintStream log) {
        log.printf(Locale.ROOT, "Building a backup of %,d records without a broker...%n", options.planningRecords());
        PlanningArchive archive = PlanningArchive.build(dir, options.planningRecords(), options.planningPartitions(),
                options.planningFlushBytes(), options.seed());
        RestoreReport.archive(out, options, archive.summary());
        RestoreReport.planning(out, new PlanningAtScale(archive, options).run(log));
    }
}
