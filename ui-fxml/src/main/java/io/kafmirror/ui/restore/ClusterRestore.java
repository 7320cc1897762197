package io.kafmirror.ui.restore;

import io.kafmirror.engine.config.ConfigLoader;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.restore.GroupOffsetTranslation;
import io.kafmirror.engine.restore.RestorePlan;
import io.kafmirror.engine.restore.RestorePlanException;
import io.kafmirror.engine.restore.RestoreRun;
import io.kafmirror.engine.restore.RestoreSession;
import io.kafmirror.engine.restore.RestoreVerification;
import io.kafmirror.engine.run.OpenStores;
import io.kafmirror.engine.state.RestoreRecord;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.ui.ConsoleLogin;
import io.kafmirror.kfs.catalog.SegmentArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * A restore into a configured cluster run as {@code kaf-mirror restore} runs it: planned with the recorded gaps, started
 * (or resumed) by a {@link RestoreSession} in the state database, so {@code kaf-mirror restore status} lists it, then
 * verified. It opens the configuration, the store and the state database for itself, as the CLI does, so a restore
 * never waits for the screen's reads. Consumer groups are moved once the records are in, before the verification.
 * Blocks: call it off the FX thread.
 */
public final class ClusterRestore {

    private final Path configFile;
    private final Path dataDir;

    /** Restores with the clusters and stores {@code configFile} declares, catalogs and state in {@code dataDir}. */
    public ClusterRestore(Path configFile, Path dataDir) {
        this.configFile = configFile;
        this.dataDir = dataDir;
    }

    /**
     * How a restore ended.
     *
     * @param record       the restore as recorded, its state and records written
     * @param warnings     what the target check and the session said the operator should know
     * @param groups       the consumer groups set on the target; null unless asked for and the restore completed
     * @param verification what reading the target back found; null unless asked for and the restore completed
     */
    public record Result(RestoreRecord record, List<String> warnings, GroupOffsetTranslation groups,
                         RestoreVerification verification) {
    }

    /** The configured clusters' names, reading the configuration file again. */
    public List<String> clusters() {
        return List.copyOf(config().clusters().keySet());
    }

    /**
     * Runs {@code order}, handing {@code running} the run as it starts (for progress and cancelling); a failure is
     * recorded with the restore and thrown.
     */
    public Result run(RestoreOrder order, Consumer<RestoreRun> running) throws InterruptedException {
        MirrorConfig config = config();
        try (OpenStores stores = new OpenStores(config, dataDir);
             StateDatabase state = ConsoleLogin.of(dataDir).open()) {
            SegmentArchive archive = stores.archive(order.store());
            RestorePlan plan = StoredBackups.plan(archive, state, order.request());
            Properties client = config.cluster(order.targetCluster()).clientProperties();
            RestoreSession session = new RestoreSession(archive, order.store(), state.restores(), Clock.systemUTC());
            // The point's text as the CLI records it, so 'kaf-mirror restore --to' with the same point resumes this one.
            RestoreSession.Started started = session.start(plan, order.point().toString(), order.targetCluster(), client,
                    order.targetTopic(), order.target());
            RestoreRecord done = session.run(started, client, order.maxBytesPerSecond(), running);
            boolean completed = done.state() == RestoreRecord.RestoreState.COMPLETED;
            List<String> warnings = new ArrayList<>(started.warnings());
            GroupOffsetTranslation groups = null;
            if (completed && order.groups().moves()) {
                try {
                    groups = session.moveGroups(started, client, order.groups().names());
                } catch (RestorePlanException e) {
                    // The records are in: a group without offsets on this topic is said, not a failed restore.
                    warnings.add("Consumer groups not moved: " + e.getMessage());
                }
            }
            RestoreVerification verification = completed && order.verify() ? session.verify(started, client) : null;
            return new Result(state.restores().get(done.id()), warnings, groups, verification);
        }
    }

    /**
     * Resumes restore {@code id}, interrupted or failed, with the cut and target offsets it began with, as running the
     * same {@code kaf-mirror restore} again does: what is not yet in the target is written at up to
     * {@code maxBytesPerSecond} (0: no limit), handing {@code running} the run as it starts, then read back if
     * {@code verify}. Consumer groups are not moved: which ones were asked for is not recorded.
     */
    public Result resume(long id, long maxBytesPerSecond, boolean verify, Consumer<RestoreRun> running)
            throws InterruptedException {
        MirrorConfig config = config();
        try (OpenStores stores = new OpenStores(config, dataDir);
             StateDatabase state = ConsoleLogin.of(dataDir).open()) {
            RestoreRecord record = state.restores().get(id);
            if (record.state() == RestoreRecord.RestoreState.COMPLETED || record.state() == RestoreRecord.RestoreState.RUNNING) {
                throw new IllegalStateException("Restore #" + id + " is " + (record.state() == RestoreRecord.RestoreState.COMPLETED
                        ? "done: nothing is left to write; Verify again reads it back."
                        : "marked running: it may still run in another kaf-mirror. If it was killed, run the same restore"
                        + " again (the same choice here, or the same kaf-mirror restore command) to resume it."));
            }
            Properties client = config.cluster(record.spec().targetCluster()).clientProperties();
            RestoreSession session = new RestoreSession(stores.archive(record.spec().store()), record.spec().store(),
                    state.restores(), Clock.systemUTC());
            RestoreSession.Started started = session.reopen(record);
            RestoreRecord done = session.run(started, client, maxBytesPerSecond, running);
            boolean completed = done.state() == RestoreRecord.RestoreState.COMPLETED;
            RestoreVerification verification = completed && verify ? session.verify(started, client) : null;
            return new Result(state.restores().get(id), List.of("Resumed restore #" + id + " (" + record.state().name()
                    .toLowerCase(Locale.ROOT) + ", " + record.restoredRecords() + " of " + record.spec().plannedRecords()
                    + " records were in the target); consumer groups are not moved by a resume."), null, verification);
        }
    }

    /**
     * Reads restore {@code id}'s target back and compares it with the backup again, as {@code kaf-mirror restore verify
     * ID} does, recording the result with the restore; returns the restore as recorded then.
     */
    public RestoreRecord verify(long id) throws InterruptedException {
        MirrorConfig config = config();
        try (OpenStores stores = new OpenStores(config, dataDir);
             StateDatabase state = ConsoleLogin.of(dataDir).open()) {
            RestoreRecord record = state.restores().get(id);
            RestoreSession session = new RestoreSession(stores.archive(record.spec().store()), record.spec().store(),
                    state.restores(), Clock.systemUTC());
            session.verify(session.reopen(record), config.cluster(record.spec().targetCluster()).clientProperties());
            return state.restores().get(id);
        }
    }

    private MirrorConfig config() {
        return Files.isRegularFile(configFile) ? new ConfigLoader().load(configFile) : MirrorConfig.EMPTY;
    }
}
