package io.kafmirror.ui.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.restore.RestoreRun;
import io.kafmirror.engine.restore.TargetOptions;
import io.kafmirror.engine.state.RestoreRecord;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.ui.Background;
import io.kafmirror.ui.SameThread;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The target, dry run and restore of the Restore screen without a stage, into the real test broker. */
class RestoreRunModelTest {

    @TempDir
    Path dir;

    final List<Throwable> errors = new ArrayList<>();
    StoredBackups backups;
    RestoreViewModel source;

    @AfterEach
    void close() {
        backups.close();
    }

    @Test
    void theNamingShowsTheTargetTopicOrWhyThereIsNone() {
        LocalBackup backup = LocalBackup.write(dir, "naming");
        RestoreRunModel run = model(backup.configFile, backup.dataDir);

        assertThat(run.clusters()).containsExactly("prod");
        assertThat(run.targetTopicProperty().get()).isEqualTo("restored." + backup.orders);
        run.namingProperty().set(TopicNaming.SAME);
        assertThat(run.targetTopicProperty().get()).isEqualTo(backup.orders);
        run.namingProperty().set(TopicNaming.REGEX);
        run.namingTextProperty().set("naming\\.(.*)=bdr.$1");
        assertThat(run.targetTopicProperty().get()).isEqualTo("bdr.orders");
        run.namingTextProperty().set("payments\\..*=x");
        assertThat(run.targetTopicProperty().get()).isEmpty();
        assertThat(run.namingProblemProperty().get()).contains("does not match the mapping pattern");
        assertThat(run.readyProperty().get()).isFalse();
        run.namingProperty().set(TopicNaming.PREFIX);
        run.namingTextProperty().set("bad name/");
        assertThat(run.namingProblemProperty().get()).contains("not valid");
        assertThat(errors).isEmpty();
    }

    @Test
    void aDryRunWritesNothingThenTheRestoreWritesTheSourceUpToThePointAndVerifiesIt() throws Exception {
        BrokerBackup backup = BrokerBackup.write(dir);
        RestoreRunModel run = model(backup.configFile, backup.dataDir);
        // Records 0 to 199 are at or before it: 200 records, 67, 67 and 66 per partition.
        Instant point = backup.start.plusMillis(1_999);
        source.pick(point);
        run.namingTextProperty().set("restored.");
        String target = "restored." + backup.topic;
        assertThat(run.targetTopicProperty().get()).isEqualTo(target);

        run.dryRun();
        assertThat(run.outcomeProperty().get()).startsWith("Dry run: 200 records").contains("'" + target + "'", "cluster test");
        assertThat(backup.exists(target)).as("the dry run creates no topic").isFalse();

        run.restore();
        assertThat(errors).isEmpty();
        assertThat(run.outcomeProperty().get()).contains("completed: 200 of 200 records", "Verification passed");
        assertThat(run.runningProperty().get()).isFalse();
        assertThat(run.progressProperty().get()).isEqualTo(1.0);
        assertThat(backup.records(target)).isEqualTo(backup.sourceUpTo(point));
        try (StateDatabase state = StateDatabase.open(backup.dataDir, "test")) {
            RestoreRecord recorded = state.restores().list().get(0);
            assertThat(recorded.state()).isEqualTo(RestoreRecord.RestoreState.COMPLETED);
            assertThat(recorded.spec().targetTopic()).isEqualTo(target);
            assertThat(recorded.verification().passed()).isTrue();
        }
    }

    @Test
    void theGroupsAndTheMaxRateAreCheckedAsTheyAreTyped() {
        LocalBackup backup = LocalBackup.write(dir, "options");
        RestoreRunModel run = model(backup.configFile, backup.dataDir);
        boolean readyBefore = run.readyProperty().get();

        assertThat(run.verifyProperty().get()).as("verification is on unless turned off").isTrue();
        run.groupsTextProperty().set("billing, *");
        assertThat(run.optionsProblemProperty().get()).contains("either * (every group with offsets on the topic) or group names");
        assertThat(run.readyProperty().get()).isFalse();
        run.groupsTextProperty().set("billing audit");
        assertThat(run.optionsProblemProperty().get()).isEmpty();
        run.maxRateTextProperty().set("fast");
        assertThat(run.optionsProblemProperty().get()).isEqualTo("Max rate 'fast' is not a number: give MB/s such as 50 or 2.5,"
                + " or leave it empty for no limit");
        run.maxRateTextProperty().set("0");
        assertThat(run.optionsProblemProperty().get()).contains("must be above 0");
        assertThat(run.readyProperty().get()).isFalse();
        run.maxRateTextProperty().set("2,5");
        assertThat(run.optionsProblemProperty().get()).isEmpty();
        run.replicationFactorTextProperty().set("0");
        assertThat(run.optionsProblemProperty().get()).isEqualTo("Replication factor '0' is not a whole number from 1 up;"
                + " leave it empty for the source's");
        run.replicationFactorTextProperty().set("1");
        run.topicConfigsTextProperty().set("retention.ms=86400000 compact");
        assertThat(run.optionsProblemProperty().get()).startsWith("Topic config 'compact' is not name=value");
        run.topicConfigsTextProperty().set("retention.ms=86400000 cleanup.policy=compact,delete");
        assertThat(run.optionsProblemProperty().get()).isEmpty();
        assertThat(run.readyProperty().get()).isEqualTo(readyBefore);
        assertThat(errors).isEmpty();
    }

    @Test
    void aRestoreCreatesTheTopicWithTheConfigsTypedMovesTheConsumerGroupsToWhereTheyStoodAtThePointAndSkipsTheVerificationWhenAskedTo() throws Exception {
        BrokerBackup backup = BrokerBackup.write(dir);
        RestoreRunModel run = model(backup.configFile, backup.dataDir);
        Instant point = backup.start.plusMillis(1_999);
        String group = "billing-" + backup.topic;
        // At the snapshot the group had processed offsets 0-29 of partition 0 and 0-9 of partition 2.
        backup.snapshotGroup(group, Map.of(0, 30L, 2, 10L), point.minusMillis(500));
        source.pick(point);
        String target = "restored." + backup.topic;
        run.groupsTextProperty().set(group);
        run.maxRateTextProperty().set("50");
        run.topicConfigsTextProperty().set("retention.ms=86400000 cleanup.policy=compact,delete");
        run.verifyProperty().set(false);

        run.restore();

        assertThat(errors).isEmpty();
        assertThat(run.outcomeProperty().get()).contains("completed: 200 of 200 records",
                "Consumer groups set on '" + target + "'", group + " at [0:30, 2:10]", "Not verified");
        assertThat(backup.records(target)).isEqualTo(backup.sourceUpTo(point));
        assertThat(backup.committed(group, target)).isEqualTo(Map.of(0, 30L, 2, 10L));
        assertThat(backup.configs(target)).containsEntry("retention.ms", "86400000")
                .containsEntry("cleanup.policy", "compact,delete");
        try (StateDatabase state = StateDatabase.open(backup.dataDir, "test")) {
            assertThat(state.restores().list().get(0).verification()).isNull();
        }
    }

    @Test
    void otherTopicsAreRestoredToTheSamePointNamedTheSameWayAndEachVerified() throws Exception {
        BrokerBackup backup = BrokerBackup.write(dir);
        RestoreRunModel run = model(backup.configFile, backup.dataDir);
        Instant point = backup.start.plusMillis(1_999);
        source.topicProperty().set(new BackedUpTopic("test", backup.topic));
        source.pick(point);
        source.alsoRestored().add(new BackedUpTopic("test", backup.otherTopic));
        run.namingProperty().set(TopicNaming.REGEX);
        run.namingTextProperty().set("console-restore-(.*)=bdr.$1");
        String first = "bdr." + backup.topic.substring("console-restore-".length());
        assertThat(run.targetTopicProperty().get()).isEqualTo(first + ", " + first + "-b");

        run.dryRun();
        assertThat(run.outcomeProperty().get().lines().filter(l -> l.startsWith("Dry run: 200 records"))).hasSize(2);

        run.restore();

        assertThat(errors).isEmpty();
        assertThat(run.outcomeProperty().get().lines().filter(l -> l.startsWith("Verification passed: all 200 records"))).hasSize(2);
        assertThat(backup.records(first)).isEqualTo(backup.sourceUpTo(point));
        assertThat(backup.records(first + "-b")).isEqualTo(backup.sourceUpTo(backup.otherTopic, point));
        run.namingTextProperty().set("(.*)-b=$1.restored");
        assertThat(run.namingProblemProperty().get()).as("the shown topic has no -b").contains("does not match");
        assertThat(run.readyProperty().get()).isFalse();
    }

    @Test
    void aCancelledRestoreEndsCancelledAndResumesWhenAskedAgain() throws Exception {
        BrokerBackup backup = BrokerBackup.write(dir);
        Later runs = new Later();
        RestoreRunModel run = model(backup.configFile, backup.dataDir, runs);
        Instant point = backup.start.plusMillis(1_999);
        source.pick(point);
        String target = "restored." + backup.topic;

        run.restore();
        assertThat(run.runningProperty().get()).isTrue();
        assertThat(run.progressProperty().get()).as("unknown while the target is prepared").isEqualTo(-1);
        // Pressed at once, while the target topic is still being prepared: the run is cancelled as it starts.
        run.cancel();
        runs.deliver();
        assertThat(run.outcomeProperty().get()).contains("cancelled", "Press Restore again to resume it");
        assertThat(run.runningProperty().get()).isFalse();

        run.restore();
        runs.deliver();
        assertThat(errors).isEmpty();
        assertThat(run.outcomeProperty().get()).contains("Restore #1 completed: 200 of 200 records", "Verification passed",
                "Resuming restore #1");
        assertThat(backup.records(target)).isEqualTo(backup.sourceUpTo(point));
    }

    @Test
    void anInterruptedRestoreIsResumedByItsNumberAsTheHistoryAsksAndADoneOneIsNot() throws Exception {
        BrokerBackup backup = BrokerBackup.write(dir);
        Instant point = backup.start.plusMillis(1_999);
        String target = "restored." + backup.topic;
        // Cancelled as it starts, as the CLI's Ctrl-C or the screen's Cancel would.
        ClusterRestore.Result cancelled = new ClusterRestore(backup.configFile, backup.dataDir).run(new RestoreOrder("local",
                new BackedUpTopic("test", backup.topic), point, RestoreScope.ALL, null, "test", target,
                TargetOptions.asStored(), GroupChoice.NONE, 0, true), RestoreRun::cancel);
        assertThat(cancelled.record().state()).isEqualTo(RestoreRecord.RestoreState.CANCELLED);
        Later runs = new Later();
        RestoreRunModel run = model(backup.configFile, backup.dataDir, runs);
        // The screen shows another choice: a resume takes what the restore recorded, not the fields.
        source.pick(backup.start.plusMillis(999));
        run.namingTextProperty().set("elsewhere.");

        run.resume(1);
        assertThat(run.runningProperty().get()).isTrue();
        assertThat(run.progressTextProperty().get()).isEqualTo("Resuming restore #1…");
        runs.deliver();

        assertThat(errors).isEmpty();
        assertThat(run.runningProperty().get()).isFalse();
        assertThat(run.outcomeProperty().get()).contains("Restore #1 completed: 200 of 200 records in '" + target + "'",
                "Verification passed", "Resumed restore #1 (cancelled, ", "consumer groups are not moved by a resume");
        assertThat(backup.records(target)).isEqualTo(backup.sourceUpTo(point));
        assertThat(backup.exists("elsewhere." + backup.topic)).isFalse();

        run.resume(1);
        runs.deliver();
        assertThat(run.outcomeProperty().get()).isEqualTo("Restore #1 not resumed: Restore #1 is done: nothing is left to"
                + " write; Verify again reads it back.");
        assertThat(errors).hasSize(1);
        errors.clear();
    }

    /** Runs the work on a thread of its own and its callbacks only when {@link #deliver()} is called, as the FX thread does later. */
    static final class Later implements Background {
        private CompletableFuture<Runnable> pending;

        @Override
        public <T> void run(Callable<T> work, Consumer<? super T> done, Consumer<Throwable> failed) {
            pending = CompletableFuture.supplyAsync(() -> {
                try {
                    T result = work.call();
                    return () -> done.accept(result);
                } catch (Exception e) {
                    return () -> failed.accept(e);
                }
            });
        }

        /** Waits for the work and runs its callback on the calling thread. */
        void deliver() {
            pending.join().run();
        }
    }

    private RestoreRunModel model(Path configFile, Path dataDir) {
        return model(configFile, dataDir, new SameThread());
    }

    private RestoreRunModel model(Path configFile, Path dataDir, Background runs) {
        backups = new StoredBackups(configFile, dataDir);
        source = new RestoreViewModel(backups, new SameThread(), errors::add);
        source.load();
        RestoreRunModel run = new RestoreRunModel(source.storeProperty(), source.topicProperty(), source.pointProperty(),
                source.scopeProperty(), source.generationProperty(), source.alsoRestored(), backups, new ClusterRestore(configFile, dataDir), new SameThread(), runs, errors::add, Clock.systemUTC());
        run.load();
        return run;
    }
}
