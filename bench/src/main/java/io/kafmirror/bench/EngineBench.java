package io.kafmirror.bench;

import io.kafmirror.engine.testkit.KafkaTestBroker;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Measures the backup engine against a plain consumer on a real Kafka broker (KRaft) started in this
 * JVM: the rate at which {@code MirrorTask} backs a loaded topic up into a local store against the
 * rate at which kafka-clients alone reads it, then mirror latency and heap under a steady load.
 * On demand only ({@code bench/run engine}); never part of the build's tests.
 */
public final class EngineBench {

    /** Backup must reach this share of the raw consume rate (issue #3). */
    static final double BACKUP_TARGET = 0.9;

    private static final String BULK_TOPIC = "payments.bulk";
    private static final String STEADY_TOPIC = "payments.steady";

    private EngineBench() {
    }

    /** Runs the benchmark; {@code --help} lists the options. */
    public static void main(String[] args) throws Exception {
        Optional<EngineBenchOptions> parsed = OptionValues.parseOrExit(args, EngineBenchOptions::parse, EngineBenchOptions.USAGE);
        if (parsed.isEmpty()) {
            return;
        }
        run(parsed.get(), System.out, System.err);
        // The broker's and clients' non-daemon threads would keep a finished run alive.
        System.exit(0);
    }

    private static void run(EngineBenchOptions options, PrintStream out, PrintStream log) throws Exception {
        out.println(RuntimeReport.machine());
        try (ScratchDir work = ScratchDir.create(options.dataDir().orElse(null), "kaf-mirror-engine-bench-");
             KafkaTestBroker broker = KafkaTestBroker.start(work.path().resolve("broker"))) {
            out.println("Broker: Kafka KRaft (broker + controller) in this JVM; data in " + work.path());
            Map<String, String> topicConfig = Map.of("segment.bytes", String.valueOf(256 << 20), "retention.ms", "-1");
            broker.createTopic(BULK_TOPIC, options.partitions(), topicConfig);
            Tally loaded = PaymentProducer.load(broker.bootstrap(), BULK_TOPIC, options.partitions(),
                    options.producerCompression(), options.seed(), options.payloadBytes(), log);
            out.printf(Locale.ROOT, "Topic %s: %,d records over %d partitions, %.1f MiB payload (avg %d bytes), producer"
                            + " batches %s, seed %d%n", BULK_TOPIC, loaded.records(), options.partitions(),
                    loaded.payloadBytes() / 1048576.0, loaded.payloadBytes() / loaded.records(),
                    options.producerCompression(), options.seed());

            HeapWatch heap = new HeapWatch();
            ConsumeVsBackup race = new ConsumeVsBackup(broker.bootstrap(), BULK_TOPIC, loaded, options, work.path(), heap);
            ConsumeVsBackup.Result throughput = race.run(log);
            printThroughput(out, options, throughput);

            broker.createTopic(STEADY_TOPIC, options.partitions(), topicConfig);
            BackupVariant variant = options.variants().get(0);
            log.printf(Locale.ROOT, "Latency phase: %,d records/s for %d s into %s%n", options.rate(), options.seconds(),
                    STEADY_TOPIC);
            SteadyLatency.Result latency = new SteadyLatency(broker.bootstrap(), STEADY_TOPIC, options, heap, log)
                    .run(options.mirrorSettings(STEADY_TOPIC, variant), work.path());
            printLatency(out, options, variant, latency);
        }
    }

    private static void printThroughput(PrintStream out, EngineBenchOptions options, ConsumeVsBackup.Result r) {
        out.printf(Locale.ROOT, "%nThroughput, median of %d iterations after %d warm-up (MB = 10^6 bytes of payload:"
                + " keys, values, headers)%n", options.iterations(), options.warmups());
        String row = "%-36s %10s %12s %9s%n";
        out.printf(Locale.ROOT, row, "", "MB/s", "records/s", "vs raw");
        out.printf(Locale.ROOT, row, "raw consume (kafka-clients)", r.raw().megabytesText(), r.raw().recordsText(), "1.00x");
        r.engine().forEach((variant, rate) -> out.printf(Locale.ROOT, row, "engine backup, " + variant.label(),
                rate.megabytesText(), rate.recordsText(), String.format(Locale.ROOT, "%.2fx", rate.ratioTo(r.raw()))));
        StringBuilder verdicts = new StringBuilder();
        r.engine().forEach((variant, rate) -> verdicts.append(String.format(Locale.ROOT, "%s%s %.3fx %s",
                verdicts.length() == 0 ? "" : ", ", variant.label(), rate.ratioTo(r.raw()),
                rate.ratioTo(r.raw()) >= BACKUP_TARGET ? "met" : "MISSED")));
        out.printf(Locale.ROOT, "Target: backup >= %.2fx raw consume: %s%n", BACKUP_TARGET, verdicts);
        long boundMib = options.mirrorSettings(BULK_TOPIC, options.variants().get(0)).maxBufferedBytes() >> 20;
        out.printf(Locale.ROOT, "Engine: flush %d MiB or %d ms, memory bound %d MiB. Heap during backup passes (broker"
                        + " included): at most %.0f MiB after a collection, pool peaks %.0f MiB (garbage included)%n",
                options.flushMib(), options.lingerMillis(), boundMib, r.peakAfterGcMib(), r.poolPeaksMib());
    }

    private static void printLatency(PrintStream out, EngineBenchOptions options, BackupVariant variant,
                                     SteadyLatency.Result r) {
        out.printf(Locale.ROOT, "%nMirror latency, %,d records/s for %d s (%,d records, %d partitions, %s, flush %d MiB"
                        + " or %d ms)%n", options.rate(), options.seconds(), r.records(), options.partitions(),
                variant.label(), options.flushMib(), options.lingerMillis());
        out.printf(Locale.ROOT, "CreateTime -> segment stored and catalogued: p50 %d ms, p99 %d ms, max %d ms%n",
                r.p50Millis(), r.p99Millis(), r.maxMillis());
        String afterGc = r.peakAfterGcMib().isPresent()
                ? String.format(Locale.ROOT, "at most %.0f MiB after any collection", r.peakAfterGcMib().getAsDouble())
                : "no collection ran during the load";
        out.printf(Locale.ROOT, "Heap (broker shares the JVM): %.0f MiB live before the mirror started, %.0f MiB live"
                        + " while mirroring (after a full GC); %s, pool peaks %.0f MiB (garbage included); the engine"
                        + " held at most %.1f MiB of records%n", r.baselineLiveMib(), r.mirroringLiveMib(), afterGc,
                r.poolPeaksMib(), r.maxHeldMib());
    }
}
