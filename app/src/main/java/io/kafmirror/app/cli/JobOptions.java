package io.kafmirror.app.cli;

import io.kafmirror.engine.anomaly.Detector;
import io.kafmirror.engine.anomaly.Sensitivity;
import io.kafmirror.engine.config.AnomalySettings;
import io.kafmirror.engine.config.ConfigException;
import io.kafmirror.engine.config.DurationText;
import io.kafmirror.engine.config.FlushPolicy;
import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.config.RetentionPolicy;
import io.kafmirror.engine.config.RetentionRule;
import io.kafmirror.engine.config.SizeText;
import io.kafmirror.engine.config.StoredBatches;
import io.kafmirror.engine.config.TopicSelection;
import io.kafmirror.kfs.format.SegmentCodec;
import io.kafmirror.kfs.store.RetentionMode;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.IsolationLevel;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The settings of a job as {@code jobs add} and {@code jobs update} take them: each option given replaces that setting
 * of a job, each one left out keeps it (or its default for a new job).
 */
public final class JobOptions {

    @Option(names = "--source", paramLabel = "CLUSTER", description = "The cluster to back up (required for a new job).")
    String source;

    @Option(names = "--store", paramLabel = "STORE", description = "The store to write segments to (required for a new job).")
    String store;

    @Option(names = "--topics", paramLabel = "REGEXES", description = "Comma-separated Java regexes, each matching a whole"
            + " topic name, e.g. \"orders.*,payments.*\" (required for a new job).")
    String topics;

    @Option(names = "--exclude", paramLabel = "REGEXES", description = "Comma-separated regexes of topics to leave out;"
            + " \"\" for none.")
    String exclude;

    @Option(names = "--flush-bytes", paramLabel = "SIZE", description = "Seal a segment at this size, e.g. 16MiB.")
    String flushBytes;

    @Option(names = "--flush-linger", paramLabel = "DURATION", description = "Seal a segment when its oldest record waited this long, e.g. 30s.")
    String flushLinger;

    @Option(names = "--compression", paramLabel = "CODEC", description = "none, gzip, snappy, lz4 or zstd (default).")
    SegmentCodec compression;

    @Option(names = "--batches", paramLabel = "source|rebuild", description = "source (default): keep compressed source"
            + " batches byte for byte, compress uncompressed ones; rebuild: re-encode every record with --compression.")
    StoredBatches batches;

    @Option(names = "--max-buffered", paramLabel = "SIZE", description = "Memory for read but unstored data, e.g. 256MiB.")
    String maxBuffered;

    @Option(names = "--read-uncommitted", negatable = true,
            description = "Also store records of aborted transactions (--no-read-uncommitted: only committed ones, the default).")
    Boolean readUncommitted;

    @Option(names = "--retention", paramLabel = "MODE:DURATION",
            description = "Object Lock of every segment, e.g. compliance:30d or governance:7d. Default: none.")
    String retention;

    @Option(names = "--snapshot-interval", paramLabel = "DURATION", description = "Topic config and group offset snapshots, e.g. 5m.")
    String snapshotInterval;

    @Option(names = "--commit-offsets", negatable = true,
            description = "Show stored offsets on the source as group kaf-mirror-NAME (needs write ACLs); --no-commit-offsets stops it.")
    Boolean commitOffsets;

    @Option(names = "--sensitivity", paramLabel = "low|normal|high",
            description = "How far from a topic's usual a value must be to raise an anomaly: 8, 6 (normal, the default) or 4 deviations.")
    Sensitivity sensitivity;

    @Option(names = "--max-lag", paramLabel = "DURATION", description = "The lag beyond which the job is reported behind,"
            + " whatever is usual for it; longer than the flush linger. Default: 5m, or twice the flush linger when longer.")
    String maxLag;

    @Option(names = "--detectors-off", paramLabel = "LIST", description = "Comma-separated anomaly detectors to switch off:"
            + " format_drift, throughput, timestamp_skew, record_size, header_keys, key_cardinality, partition_stall,"
            + " lag_spike, lag_ceiling, control_plane; none to switch them all on.")
    String detectorsOff;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** A new job of these options, every setting left out at its default; refused without source, store and topics. */
    JobConfig newJob() {
        String missing = Arrays.stream(new String[][] {{"--source", source}, {"--store", store}, {"--topics", topics}})
                .filter(o -> o[1] == null).map(o -> o[0]).collect(Collectors.joining(", "));
        if (!missing.isEmpty()) {
            throw refused("A new job needs " + missing + ": which topics of which cluster go into which store.");
        }
        return applyTo(null);
    }

    /** {@code job} with the settings given here replaced and the others kept. */
    JobConfig update(JobConfig job) {
        return applyTo(job);
    }

    // A null job is a new one: its settings not given stay null, and JobConfig fills in the defaults.
    private JobConfig applyTo(JobConfig job) {
        FlushPolicy flush = new FlushPolicy(given(flushBytes, SizeText::parse, job == null ? null : job.flush().maxBytes()),
                given(flushLinger, DurationText::parse, job == null ? null : job.flush().maxLinger()));
        return new JobConfig(given(source, s -> s, job == null ? null : job.source()),
                given(store, s -> s, job == null ? null : job.store()), selection(job), flush,
                given(compression, c -> c, job == null ? null : job.compression()),
                given(batches, b -> b, job == null ? null : job.batches()),
                given(maxBuffered, SizeText::parse, job == null ? null : job.maxBuffered()),
                given(readUncommitted, r -> r ? IsolationLevel.READ_UNCOMMITTED : IsolationLevel.READ_COMMITTED,
                        job == null ? null : job.isolation()),
                given(retention, r -> new RetentionPolicy(retentionRule(), job == null ? Map.of() : job.retention().topics()),
                        job == null ? null : job.retention()),
                given(snapshotInterval, DurationText::parse, job == null ? null : job.snapshotInterval()),
                given(commitOffsets, c -> c, job == null ? null : job.commitOffsets()),
                anomalies(job == null ? null : job.anomalies(), flush.maxLinger()),
                job == null ? null : job.drills());
    }

    private TopicSelection selection(JobConfig job) {
        if (topics == null && exclude == null) {
            return job == null ? null : job.topics();
        }
        return TopicSelection.of(topics != null ? TopicSelection.parse(topics, "").includes() : job.topics().includes(),
                exclude != null ? TopicSelection.parse(".*", exclude).excludes() : job == null ? List.of() : job.topics().excludes());
    }

    private AnomalySettings anomalies(AnomalySettings kept, Duration linger) {
        if (sensitivity == null && maxLag == null && detectorsOff == null) {
            return kept;
        }
        AnomalySettings before = kept == null ? AnomalySettings.DEFAULT : kept;
        Duration ceiling = given(maxLag, DurationText::parse, before.maxLag());
        try {
            AnomalySettings.checkMaxLag(ceiling, linger);
        } catch (ConfigException e) {
            throw refused("--max-lag " + DurationText.format(ceiling) + " " + e.problem() + ". Give a longer --max-lag"
                    + " or a shorter --flush-linger.");
        }
        return new AnomalySettings(given(detectorsOff, this::detectors, before.off()),
                given(sensitivity, s -> s, before.sensitivity()), ceiling);
    }

    private Set<Detector> detectors(String list) {
        Set<Detector> off = EnumSet.noneOf(Detector.class);
        if (list.strip().equalsIgnoreCase("none")) {
            return off;
        }
        for (String name : list.split(",")) {
            try {
                off.add(Detector.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw refused("--detectors-off: '" + name.strip() + "' is not a detector: use "
                        + Arrays.stream(Detector.values()).map(d -> d.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", ")) + ", or none");
            }
        }
        return off;
    }

    private RetentionRule retentionRule() {
        int colon = retention.indexOf(':');
        if (colon < 0) {
            throw refused("--retention " + retention + " needs a mode and a duration, e.g. compliance:30d or governance:7d");
        }
        RetentionMode mode;
        try {
            mode = RetentionMode.valueOf(retention.substring(0, colon).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw refused("--retention mode '" + retention.substring(0, colon) + "' is unknown: use compliance or governance");
        }
        return new RetentionRule(mode, DurationText.parse(retention.substring(colon + 1)));
    }

    private static <T, R> R given(T option, Function<T, R> parse, R kept) {
        return option == null ? kept : parse.apply(option);
    }

    private ParameterException refused(String message) {
        return new ParameterException(mixee.commandLine(), message);
    }
}
