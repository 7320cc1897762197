package io.kafmirror.ui.restore;

import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.config.TopicSelection;
import io.kafmirror.engine.mirror.MirrorEvent;
import io.kafmirror.engine.restore.RestorePlan;
import io.kafmirror.engine.restore.RestorePlanner;
import io.kafmirror.engine.restore.RestorePoint;
import io.kafmirror.engine.restore.RestoreRequest;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.format.KfsRecord;
import io.kafmirror.kfs.format.SegmentCodec;
import io.kafmirror.kfs.format.SegmentIdentity;
import io.kafmirror.kfs.format.SegmentWriter;
import io.kafmirror.kfs.format.SegmentWriterConfig;
import io.kafmirror.kfs.store.LocalSegmentStore;
import io.kafmirror.kfs.store.ObjectRetention;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

/**
 * A real backup as the console finds it: a configuration file naming the local store {@code local} and the cluster
 * {@code prod}, segments written with the segment writer and published into that store and its catalog in the data
 * folder, and the job {@code prod-backup} with a recorded gap in the state database. Two topics; records of three
 * partitions every two seconds or so for ten minutes from {@link #START}, some of them late.
 */
public final class LocalBackup {

    /** When the first records were written. */
    public static final Instant START = Instant.parse("2026-12-02T09:00:00Z");
    /** When the engine recorded a gap on partition 1 of {@link #orders}. */
    static final Instant GAP_AT = Instant.parse("2026-12-02T09:05:30.250Z");
    /** Where the records of a second generation of {@link #orders} start, when {@link #recreateOrders()} stores one. */
    static final Instant RECREATED = Instant.parse("2026-12-02T09:20:00Z");

    /** The configuration file naming the store and the cluster. */
    public final Path configFile;
    /** The data folder with the state database and the store's catalog. */
    public final Path dataDir;
    final String orders;
    final String payments;
    private final Path storeDir;
    private long ordersStored;

    private LocalBackup(Path dir, String prefix) {
        this.configFile = dir.resolve("config.yml");
        this.dataDir = dir.resolve("data");
        this.storeDir = dir.resolve("store");
        this.orders = prefix + ".orders";
        this.payments = prefix + ".payments";
    }

    /** Writes it into {@code dir}, its topics named {@code prefix.orders} and {@code prefix.payments}. */
    public static LocalBackup write(Path dir, String prefix) {
        LocalBackup backup = new LocalBackup(dir, prefix);
        try {
            Files.createDirectories(backup.storeDir);
            Files.createDirectories(backup.dataDir.resolve("catalogs"));
            Files.writeString(backup.configFile, "clusters:\n  prod: { brokers: \"127.0.0.1:9\" }\n"
                    + "stores:\n  local: { type: local, path: \"" + backup.storeDir + "\" }\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        backup.withArchive(archive -> {
            backup.ordersStored = store(archive, backup.orders, generation(backup.orders, 1), START, 6, new Random(5));
            store(archive, backup.payments, generation(backup.payments, 1), START, 6, new Random(9));
            return null;
        });
        try (StateDatabase state = StateDatabase.open(backup.dataDir, "test")) {
            state.jobs().add("prod-backup", JobConfig.of("prod", "local", TopicSelection.parse(prefix + "\\..*", "")));
            state.history().append("prod-backup", new MirrorEvent(MirrorEvent.Type.GAP, GAP_AT, backup.orders, 1,
                    "Offsets 120 to 139 were deleted by retention before they were stored."));
            state.history().append("prod-backup", new MirrorEvent(MirrorEvent.Type.TOPIC_DELETED, START.plusSeconds(200),
                    backup.payments, -1, "The topic disappeared from the source."));
        }
        return backup;
    }

    /**
     * Stores a second generation of {@link #orders}, as if it was deleted and created again on the source: a new topic ID,
     * offsets from 0 again, three segments of records from {@link #RECREATED}; returns that topic ID.
     */
    UUID recreateOrders() {
        UUID second = generation(orders, 2);
        withArchive(archive -> store(archive, orders, second, RECREATED, 3, new Random(7)));
        return second;
    }

    /** The topic ID of generation {@code number} of {@code topic}: the same every run. */
    static UUID generation(String topic, int number) {
        return UUID.nameUUIDFromBytes((topic + (number == 1 ? "" : "#" + number)).getBytes(StandardCharsets.UTF_8));
    }

    /** The records stored of {@link #orders}. */
    long ordersStored() {
        return ordersStored;
    }

    /** The plan the engine's planner makes of restoring {@code topic} to {@code at}, read from a catalog of its own. */
    RestorePlan plan(String topic, Instant at) {
        return plan(RestoreRequest.of("prod", topic, new RestorePoint.AtTime(at)));
    }

    /** The plan the engine's planner makes of {@code request}, read from a catalog of its own. */
    RestorePlan plan(RestoreRequest request) {
        return withArchive(archive -> new RestorePlanner(archive).plan(request));
    }

    /** Every stored record of {@code partition} of {@code topic}, in offset order, each segment read whole. */
    List<KfsRecord> records(String topic, int partition) {
        return withArchive(archive -> archive.catalog().segments("prod", topic, partition).stream()
                .flatMap(e -> archive.open(e.key()).readChunk(partition).stream()).toList());
    }

    private <T> T withArchive(Function<SegmentArchive, T> work) {
        try (SegmentCatalog catalog = SegmentCatalog.open(dataDir.resolve("catalogs").resolve("local"));
             LocalSegmentStore store = new LocalSegmentStore(storeDir)) {
            return work.apply(new SegmentArchive(store, catalog));
        }
    }

    /** {@code segments} segments of three partitions of generation {@code topicId} from {@code start}; returns the records stored. */
    private static long store(SegmentArchive archive, String topic, UUID topicId, Instant start, int segments, Random random) {
        long[] next = new long[3];
        long[] clock = new long[3];
        long stored = 0;
        for (int s = 0; s < segments; s++) {
            SegmentWriter writer = new SegmentWriter(new SegmentIdentity("prod", topic, topicId, "console-test", s),
                    new SegmentWriterConfig(SegmentCodec.ZSTD, 1024, 256));
            for (int p = 0; p < 3; p++) {
                for (int i = 0; i < 40 + random.nextInt(20); i++) {
                    clock[p] += 1_000 + random.nextInt(2_000);
                    long late = random.nextInt(8) == 0 ? random.nextInt(5_000) : 0;
                    long timestamp = start.toEpochMilli() + Math.max(0, clock[p] - late);
                    writer.append(p, KfsRecord.of(next[p], timestamp, ("key-" + next[p]).getBytes(StandardCharsets.UTF_8),
                            ("{\"order\":" + next[p] + "}").getBytes(StandardCharsets.UTF_8)));
                    next[p] += random.nextInt(6) == 0 ? 2 : 1;
                    stored++;
                }
            }
            archive.publish(writer.seal(start.toEpochMilli() + 100_000L * s), ObjectRetention.NONE, false);
        }
        return stored;
    }

    /** The rows the cut table should show for {@code plan}. */
    static List<CutRow> rows(RestorePlan plan) {
        return plan.cuts().stream().map(CutRow::of).toList();
    }
}
