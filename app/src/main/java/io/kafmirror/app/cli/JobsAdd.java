package io.kafmirror.app.cli;

import io.kafmirror.engine.config.DurationText;
import io.kafmirror.engine.config.FlushPolicy;
import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.config.RetentionPolicy;
import io.kafmirror.engine.config.RetentionRule;
import io.kafmirror.engine.config.SizeText;
import io.kafmirror.engine.config.StoredBatches;
import io.kafmirror.engine.config.TopicSelection;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.kfs.format.SegmentCodec;
import io.kafmirror.kfs.store.RetentionMode;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.IsolationLevel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kaf-mirror jobs add NAME --source C --store S --topics P}: a new backup job, running. */
@Command(name = "add", mixinStandardHelpOptions = true, description = "Add a backup job; it runs with the next 'kaf-mirror run' or the console.")
public final class JobsAdd implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Mixin
    DataOptions data;

    @Parameters(paramLabel = "NAME", description = "The job's name: letters, digits, '.', '_' or '-'.")
    String name;

    @Option(names = "--source", required = true, paramLabel = "CLUSTER", description = "The cluster to back up.")
    String source;

    @Option(names = "--store", required = true, paramLabel = "STORE", description = "The store to write segments to.")
    String store;

    @Option(names = "--topics", required = true, paramLabel = "REGEXES",
            description = "Comma-separated Java regexes, each matching a whole topic name, e.g. \"orders.*,payments.*\".")
    String topics;

    @Option(names = "--exclude", paramLabel = "REGEXES", description = "Comma-separated regexes of topics to leave out.")
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

    @Option(names = "--read-uncommitted", description = "Also store records of aborted transactions.")
    boolean readUncommitted;

    @Option(names = "--retention", paramLabel = "MODE:DURATION",
            description = "Object Lock of every segment, e.g. compliance:30d or governance:7d. Default: none.")
    String retention;

    @Option(names = "--snapshot-interval", paramLabel = "DURATION", description = "Topic config and group offset snapshots, e.g. 5m.")
    String snapshotInterval;

    @Option(names = "--commit-offsets", description = "Show stored offsets on the source as group kaf-mirror-NAME (needs write ACLs).")
    boolean commitOffsets;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        MirrorConfig loaded = config.load();
        loaded.cluster(source);
        loaded.store(store);
        JobConfig job = new JobConfig(source, store, TopicSelection.parse(topics, exclude),
                new FlushPolicy(flushBytes == null ? null : SizeText.parse(flushBytes),
                        flushLinger == null ? null : DurationText.parse(flushLinger)),
                compression, batches, maxBuffered == null ? null : SizeText.parse(maxBuffered),
                readUncommitted ? IsolationLevel.READ_UNCOMMITTED : IsolationLevel.READ_COMMITTED,
                retention == null ? null : new RetentionPolicy(retentionRule(), Map.of()),
                snapshotInterval == null ? null : DurationText.parse(snapshotInterval), commitOffsets, null);
        try (StateDatabase state = data.openState()) {
            state.jobs().add(name, job);
        }
        spec.commandLine().getOut().printf("Job %s added: %s of cluster %s into store %s. It runs with 'kaf-mirror run'"
                + " or the console.%n", name, job.topics(), source, store);
        return 0;
    }

    private RetentionRule retentionRule() {
        int colon = retention.indexOf(':');
        if (colon < 0) {
            throw new ParameterException(spec.commandLine(), "--retention " + retention
                    + " needs a mode and a duration, e.g. compliance:30d or governance:7d");
        }
        RetentionMode mode;
        try {
            mode = RetentionMode.valueOf(retention.substring(0, colon).toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--retention mode '" + retention.substring(0, colon)
                    + "' is unknown: use compliance or governance");
        }
        return new RetentionRule(mode, DurationText.parse(retention.substring(colon + 1)));
    }
}
