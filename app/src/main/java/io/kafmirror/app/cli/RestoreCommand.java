package io.kafmirror.app.cli;

import io.kafmirror.app.KafMirror;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.restore.FileRestoreAudit;
import io.kafmirror.engine.restore.GroupOffsetTranslation;
import io.kafmirror.engine.restore.PartitionCut;
import io.kafmirror.engine.restore.RecordedGaps;
import io.kafmirror.engine.restore.RestoreFileOutcome;
import io.kafmirror.engine.restore.RestorePlan;
import io.kafmirror.engine.restore.RestorePlanner;
import io.kafmirror.engine.restore.RestorePoint;
import io.kafmirror.engine.restore.RestoreRequest;
import io.kafmirror.engine.restore.RestoreRun;
import io.kafmirror.engine.restore.RestoreSession;
import io.kafmirror.engine.restore.RestoreToFile;
import io.kafmirror.engine.restore.RestoreVerification;
import io.kafmirror.engine.restore.TargetOptions;
import io.kafmirror.engine.restore.TopicMapping;
import io.kafmirror.engine.run.OpenStores;
import io.kafmirror.engine.state.RestoreRecord;
import io.kafmirror.engine.state.AuditAction;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.kfs.catalog.SegmentArchive;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code kaf-mirror restore}: plans a point-in-time restore from the store alone, then writes it into a target
 * cluster, verifies it and moves consumer groups (asking again for an interrupted restore resumes it), or writes it to a
 * JSON Lines file.
 */
@Command(name = "restore", mixinStandardHelpOptions = true, subcommands = {RestoreStatus.class, RestoreVerify.class},
        description = "Restore a topic as it was at a point in time, from the store, into any configured cluster or a file.")
public final class RestoreCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Mixin
    DataOptions data;

    @Option(names = "--store", paramLabel = "STORE", description = "The configured store to restore from; default: the only one.")
    String store;

    @Option(names = "--cluster", paramLabel = "CLUSTER", description = "The backed-up cluster; default: the only one the store holds.")
    String cluster;

    // Not required by picocli: 'restore status' and 'restore verify' would then demand them too.
    @Option(names = "--topic", paramLabel = "TOPIC", description = "The source topic (required).")
    String topic;

    @ArgGroup(multiplicity = "0..1")
    Point point;

    @Option(names = "--from", paramLabel = "TIME", description = "Restore only the window from this time on.")
    String from;

    @Option(names = "--strict-timestamps", description = "In a --from window, leave out records earlier than its start.")
    boolean strict;

    @Option(names = "--partitions", split = ",", paramLabel = "P", description = "Only these partitions, e.g. 0,3.")
    Set<Integer> partitions = Set.of();

    @Option(names = "--generation", paramLabel = "TOPIC_ID", description = "The generation of a recreated topic; default: the newest.")
    UUID generation;

    @ArgGroup(multiplicity = "0..1")
    Destination destination = new Destination();

    @Option(names = "--overwrite", description = "With --to-file, replace an existing file.")
    boolean overwrite;

    @ArgGroup(multiplicity = "0..1")
    Naming naming = new Naming();

    @Option(names = "--topic-config", paramLabel = "NAME=VALUE", description = "A config of the created target topic; NAME= leaves it to the target's default.")
    Map<String, String> topicConfigs = new LinkedHashMap<>();

    @Option(names = "--replication-factor", paramLabel = "N", description = "Replication factor of a created target topic.")
    Integer replicationFactor;

    @Option(names = "--append", description = "Write into a target topic that already holds records.")
    boolean append;

    @Option(names = "--dry-run", description = "Print the plan and stop.")
    boolean dryRun;

    @Option(names = "--json", description = "Print the plan as JSON.")
    boolean json;

    @Option(names = "--groups", split = ",", paramLabel = "GROUP", description = "Consumer groups to move to the restore point on the target; * for all.")
    Set<String> groups = Set.of();

    @Option(names = "--max-rate", paramLabel = "MB/s", description = "Most record data written per second, in MB (10^6 bytes).")
    double maxRate;

    @Option(names = "--no-verify", description = "Do not read the target back afterwards.")
    boolean noVerify;

    @Spec
    CommandSpec spec;

    /** The restore point: a time, or per partition an offset. */
    static final class Point {
        @Option(names = "--to", paramLabel = "TIME", description = "The restore point: ISO-8601 with zone, or epoch ms.")
        String time;

        @Option(names = "--to-offsets", split = ",", paramLabel = "P=OFFSET",
                description = "Per partition, the first offset NOT restored, e.g. 0=1200,1=1187.")
        Map<Integer, Long> offsets;
    }

    /** Where the records go: a cluster, or a file. */
    static final class Destination {
        @Option(names = "--target", paramLabel = "CLUSTER", description = "The configured cluster to restore into.")
        String cluster;

        @Option(names = "--to-file", paramLabel = "PATH",
                description = "Write the records to this JSON Lines file instead (gzipped if it ends in .gz).")
        Path file;
    }

    /** How the target topic is named. */
    static final class Naming {
        @Option(names = "--target-topic", paramLabel = "NAME", description = "The target topic's name.")
        String topic;

        @Option(names = "--mapping", paramLabel = "MAPPING", description = "same, prefix:PREFIX or regex:PATTERN=REPLACEMENT; default same.")
        String mapping;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (topic == null || point == null) {
            throw new ParameterException(spec.commandLine(), "Give the topic to restore (--topic) and the restore point"
                    + " (--to TIME or --to-offsets P=OFFSET,...)");
        }
        refuseOptionsOfTheOtherDestination();
        PrintWriter out = spec.commandLine().getOut();
        MirrorConfig loaded = config.load();
        String storeName = store != null ? store : onlyStore(loaded);
        try (OpenStores stores = new OpenStores(loaded, data.folder()); StateDatabase state = data.openState()) {
            if (!dryRun) {
                // Before planning, which reads the whole store: a role that may not restore learns it at once.
                state.audit().authorize(AuditAction.RESTORE_START, "restore of " + topic, Map.of("topic", topic, "store", storeName));
            }
            SegmentArchive archive = stores.archive(storeName);
            RestorePlan planned = new RestorePlanner(archive).plan(request(archive));
            List<String> warnings = new ArrayList<>(planned.warnings());
            warnings.addAll(new RecordedGaps(state).warnings(planned));
            RestorePlan plan = new RestorePlan(planned.request(), planned.topicId(), planned.cuts(), warnings);
            new PlanPrinter(out).print(plan, json);
            if (dryRun) {
                return 0;
            }
            if (destination.file != null) {
                return restoreToFile(out, archive, plan, new FileRestoreAudit(state.audit(), plan, storeName, pointText(),
                        destination.file));
            }
            String target = destination.cluster;
            if (target == null) {
                throw new IllegalArgumentException("Name the cluster to restore into with --target (one of "
                        + loaded.clusters().keySet() + ") or the file to write with --to-file, or add --dry-run to only see"
                        + " the plan");
            }
            Properties client = loaded.cluster(target).clientProperties();
            String targetTopic = naming.topic != null ? naming.topic
                    : (naming.mapping == null ? TopicMapping.parse("same") : TopicMapping.parse(naming.mapping)).target(topic);
            RestoreSession session = new RestoreSession(archive, storeName, state.restores(), Clock.systemUTC());
            RestoreSession.Started started = session.start(plan, pointText(), target, client, targetTopic, new TargetOptions(
                    topicConfigs, replicationFactor == null ? OptionalInt.empty() : OptionalInt.of(replicationFactor), append));
            started.warnings().forEach(w -> out.println("! " + w));
            out.printf("Restore #%d: %s → %s on %s%n", started.record().id(), topic, targetTopic, target);
            out.flush();
            RestoreRecord done = runWithProgress(session, started, client);
            out.printf("Restore #%d %s: %,d of %,d records in %s.%n", done.id(), done.state().name().toLowerCase(),
                    done.restoredRecords(), done.spec().plannedRecords(), targetTopic);
            if (done.state() != RestoreRecord.RestoreState.COMPLETED) {
                out.println("Run the same command again to resume it.");
                return KafMirror.FAILED;
            }
            if (!groups.isEmpty()) {
                moveGroups(out, session, started, client);
            }
            if (noVerify) {
                return 0;
            }
            RestoreVerification v = session.verify(started, client);
            out.printf("Verification %s: %s in %d ms.%n", v.passed() ? "passed" : "FAILED",
                    v.passed() ? "every record equals the backup" : v.firstMismatch(), v.duration().toMillis());
            return v.passed() ? 0 : KafMirror.FINDINGS;
        }
    }

    /** Options of a restore into a cluster given with --to-file, or --overwrite without it: refused rather than ignored. */
    private void refuseOptionsOfTheOtherDestination() {
        ParseResult given = spec.commandLine().getParseResult();
        if (destination.file == null) {
            if (overwrite) {
                throw new ParameterException(spec.commandLine(), "--overwrite applies to --to-file only");
            }
            return;
        }
        List<String> clusterOnly = Stream.of("--target-topic", "--mapping", "--topic-config", "--replication-factor", "--append",
                "--groups", "--max-rate", "--no-verify").filter(given::hasMatchedOption).toList();
        if (!clusterOnly.isEmpty()) {
            throw new ParameterException(spec.commandLine(), String.join(", ", clusterOnly)
                    + " apply to a restore into a cluster (--target), not to --to-file");
        }
    }

    private int restoreToFile(PrintWriter out, SegmentArchive archive, RestorePlan plan, FileRestoreAudit audit)
            throws InterruptedException {
        RestoreToFile export = new RestoreToFile(archive, plan, Clock.systemUTC());
        audit.started();
        out.printf("Restore of %s to %s%n", topic, destination.file);
        out.flush();
        RestoreFileOutcome written;
        try {
            written = CancelOnSignal.run(spec.commandLine().getErr(), export::progress, export::cancel,
                    () -> export.write(destination.file, overwrite));
        } catch (RuntimeException e) {
            audit.failed(e);
            throw e;
        }
        audit.ended(written);
        if (!written.completed()) {
            out.printf("Cancelled: nothing was written to %s.%n", written.file());
            return KafMirror.FAILED;
        }
        out.printf("Wrote %,d records (%s) to %s in %d ms.%n", written.records(), Sizes.bytes(written.bytes()), written.file(),
                written.duration().toMillis());
        return 0;
    }

    private RestoreRequest request(SegmentArchive archive) {
        String sourceCluster = cluster != null ? cluster : onlyCluster(archive);
        RestorePoint restorePoint = point.time != null ? RestorePoint.parseTime(point.time) : new RestorePoint.AtOffsets(point.offsets);
        RestoreRequest request = RestoreRequest.of(sourceCluster, topic, restorePoint).withPartitions(partitions);
        if (from != null) {
            request = request.withFrom(RestorePoint.parseTime(from).at());
        }
        if (generation != null) {
            request = request.withGeneration(generation);
        }
        return strict ? request.withStrictTimestamps() : request;
    }

    private String pointText() {
        return point.time != null ? RestorePoint.parseTime(point.time).at().toString()
                : "offsets " + new TreeMap<>(point.offsets);
    }

    private RestoreRecord runWithProgress(RestoreSession session, RestoreSession.Started started, Properties client)
            throws InterruptedException {
        AtomicReference<RestoreRun> current = new AtomicReference<>();
        return CancelOnSignal.run(spec.commandLine().getErr(), () -> current.get() == null ? null : current.get().progress(),
                () -> {
                    RestoreRun run = current.get();
                    if (run != null) {
                        run.cancel();
                    }
                }, () -> session.run(started, client, (long) (maxRate * 1_000_000), current::set));
    }

    private void moveGroups(PrintWriter out, RestoreSession session, RestoreSession.Started started, Properties client)
            throws InterruptedException {
        GroupOffsetTranslation translation = session.moveGroups(started, client, groups.contains("*") ? Set.of() : groups);
        translation.warnings().forEach(w -> out.println("! " + w));
        translation.groups().forEach(g -> out.printf("Group %s now at %s%n", g.targetGroup(), g.offsets().stream()
                .map(o -> o.partition() + ":" + o.targetOffset()).toList()));
    }

    private static String onlyStore(MirrorConfig config) {
        if (config.stores().size() != 1) {
            throw new IllegalArgumentException("Name the store to restore from with --store: the configuration has "
                    + config.stores().keySet());
        }
        return config.stores().keySet().iterator().next();
    }

    private static String onlyCluster(SegmentArchive archive) {
        List<String> clusters = archive.catalog().clusters();
        if (clusters.size() != 1) {
            throw new IllegalArgumentException("Name the backed-up cluster with --cluster: the store holds " + clusters);
        }
        return clusters.get(0);
    }

    /** Prints a plan as a table or as JSON. */
    private record PlanPrinter(PrintWriter out) {

        void print(RestorePlan plan, boolean asJson) {
            if (asJson) {
                out.println(PlanJson.of(plan));
            } else {
                TextTable table = new TextTable("PARTITION", "FIRST", "END", "RECORDS", "BYTES", "SEGMENTS");
                for (PartitionCut c : plan.cuts()) {
                    table.row(c.partition(), c.firstOffset(), c.endOffset(), c.records(), Sizes.bytes(c.bytes()), c.segments().size());
                }
                out.printf("Plan: %s of cluster %s (generation %s) up to %s%n", plan.request().topic(), plan.request().cluster(),
                        plan.topicId(), plan.request().point() instanceof RestorePoint.AtTime t ? t.at() : "the given offsets");
                table.print(out);
                out.printf("Total: %,d records, %s%n", plan.records(), Sizes.bytes(plan.bytes()));
                plan.warnings().forEach(w -> out.println("! " + w));
            }
            out.flush();
        }
    }
}
