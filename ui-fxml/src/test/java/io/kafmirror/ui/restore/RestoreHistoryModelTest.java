package io.kafmirror.ui.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.restore.RestoreRun;
import io.kafmirror.engine.restore.TargetOptions;
import io.kafmirror.engine.state.MetricsSeries;
import io.kafmirror.engine.state.RestoreRecord;
import io.kafmirror.engine.state.RestoreRecord.RestoreState;
import io.kafmirror.engine.state.RestoreSpec;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.ui.Background;
import io.kafmirror.ui.SameThread;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Restore screen's history without a stage: the restores of a real state database, and Verify again against the real test broker. */
class RestoreHistoryModelTest {

    @TempDir
    Path dir;

    final List<Throwable> errors = new ArrayList<>();
    StoredBackups backups;

    @AfterEach
    void close() {
        backups.close();
    }

    @Test
    void listsEveryRestoreNewestFirstWithWhatRestoreStatusPrints() {
        LocalBackup backup = LocalBackup.write(dir, "history");
        Instant at = Instant.parse("2026-12-02T10:00:00Z");
        UUID topicId = LocalBackup.generation(backup.orders, 1);
        record(backup, at, topicId, "done.orders", state -> {
            state.restores().update(1, 1_200, RestoreState.COMPLETED, null);
            state.restores().verified(1, new RestoreRecord.Verification(true, 1_200, 1_200, Duration.ofMillis(850), null));
        });
        record(backup, at.plusSeconds(600), topicId, "cancelled.orders",
                state -> state.restores().update(2, 300, RestoreState.CANCELLED, "cancelled; run the same restore again to resume it"));
        record(backup, at.plusSeconds(1_200), topicId, "differs.orders", state -> {
            state.restores().update(3, 1_200, RestoreState.COMPLETED, null);
            state.restores().verified(3, new RestoreRecord.Verification(false, 1_200, 1_201, Duration.ofSeconds(3),
                    "Mismatch[partition=0, targetOffset=1200, difference=the target holds a record the restore did not write]"));
        });
        record(backup, at.plusSeconds(1_800), topicId, "running.orders", state -> { });
        record(backup, at.plusSeconds(2_400), topicId, "failed.orders",
                state -> state.restores().update(5, 0, RestoreState.FAILED, "Cannot create topic 'failed.orders' on the target."));
        RestoreHistoryModel history = model(backup.configFile, backup.dataDir, new SameThread(), at.plusSeconds(1_810));

        history.load();

        assertThat(history.rows()).extracting(RestoreHistoryRow::number).containsExactly("#5", "#4", "#3", "#2", "#1");
        RestoreHistoryRow first = history.rows().get(4);
        assertThat(first.route()).isEqualTo(backup.orders + " → dr / done.orders");
        assertThat(first.point()).isEqualTo("2026-12-02T09:05:00Z");
        assertThat(first.started()).isEqualTo("2026-12-02 10:00:00");
        assertThat(first.ended()).isEqualTo("10:00:07");
        assertThat(first.state()).isEqualTo("done");
        assertThat(first.records()).isEqualTo("1,200 of 1,200");
        assertThat(first.verification()).isEqualTo("passed · 1,200 of 1,200 · 850 ms");
        assertThat(history.rows()).extracting(RestoreHistoryRow::state)
                .containsExactly("failed", "running", "done", "interrupted", "done");
        assertThat(history.rows()).extracting(RestoreHistoryRow::verification).containsExactly("not verified", "not verified",
                "FAILED · 1,201 of 1,200 · 3 s", "not verified", "passed · 1,200 of 1,200 · 850 ms");
        assertThat(history.rows().get(1).ended()).as("still running").isEmpty();
        assertThat(history.rows()).extracting(RestoreHistoryRow::resumable).as("interrupted and failed ones; a running one"
                + " may run elsewhere").containsExactly(true, false, false, true, false);
        assertThat(history.rows().get(3).records()).isEqualTo("300 of 1,200");

        history.selectedProperty().set(history.rows().get(2));
        assertThat(history.detailsProperty().get()).contains("Restore #3 of " + backup.orders + " (cluster prod, generation "
                + topicId + ") from store local", "First difference: Mismatch[partition=0, targetOffset=1200");
        assertThat(history.canVerifyProperty().get()).as("a finished restore").isTrue();
        history.selectedProperty().set(history.rows().get(3));
        assertThat(history.detailsProperty().get()).contains("Stopped: cancelled; run the same restore again to resume it");
        assertThat(history.canVerifyProperty().get()).as("an interrupted restore has records missing").isFalse();
        assertThat(history.resumableProperty().get()).isTrue();
        history.selectedProperty().set(history.rows().get(0));
        assertThat(history.canVerifyProperty().get()).isFalse();

        history.load();
        assertThat(history.selectedProperty().get().record().id()).as("a refresh keeps the selection").isEqualTo(5);
        assertThat(errors).isEmpty();
    }

    @Test
    void aRestoreRunningInAnotherProgramShowsItsProgressAndIsNotOfferedForResume() throws Exception {
        BrokerBackup backup = BrokerBackup.write(dir);
        AtomicReference<RestoreRun> running = new AtomicReference<>();
        // 400 bytes/s: the 200 small records take some 12 s, long enough for two heartbeats.
        RestoreOrder slow = new RestoreOrder("local", new BackedUpTopic("test", backup.topic), backup.start.plusMillis(1_999),
                RestoreScope.ALL, null, "test", "heartbeat." + backup.topic, TargetOptions.asStored(), GroupChoice.NONE, 400, false);
        CompletableFuture<ClusterRestore.Result> elsewhere = CompletableFuture.supplyAsync(() -> {
            try {
                return new ClusterRestore(backup.configFile, backup.dataDir).run(slow, running::set);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        RestoreHistoryModel history = model(backup.configFile, backup.dataDir, new SameThread());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        do {
            assertThat(System.nanoTime()).as("time waiting for the running restore's first heartbeat").isLessThan(deadline);
            assertThat(elsewhere).as("the restore still runs").isNotDone();
            Thread.sleep(500);
            history.load();
        } while (history.rows().isEmpty() || history.rows().get(0).record().restoredRecords() == 0);

        assertThat(history.rows()).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo("running");
            assertThat(r.record().restoredRecords()).isBetween(1L, 199L);
            assertThat(r.resumable()).as("it runs elsewhere").isFalse();
        });
        running.get().cancel();
        assertThat(elsewhere.get(30, TimeUnit.SECONDS).record().state()).isEqualTo(RestoreState.CANCELLED);
        history.load();
        assertThat(history.rows()).singleElement().satisfies(r -> assertThat(r.state()).isEqualTo("interrupted"));
        assertThat(errors).isEmpty();
    }

    @Test
    void aRestoreMarkedRunningWhoseProgramWentSilentShowsAsStoppedAndCanBeResumed() {
        LocalBackup backup = LocalBackup.write(dir, "silent");
        Instant at = Instant.parse("2026-12-02T10:00:00Z");
        record(backup, at, LocalBackup.generation(backup.orders, 1), "killed.orders",
                state -> state.restores().stillRunning(1, 500));

        RestoreHistoryModel justNow = model(backup.configFile, backup.dataDir, new SameThread(), at.plusSeconds(7 + 30));
        justNow.load();
        assertThat(justNow.rows()).singleElement().satisfies(r -> {
            assertThat(r.state()).as("a heartbeat 30 s ago").isEqualTo("running");
            assertThat(r.records()).as("the heartbeat's progress").isEqualTo("500 of 1,200");
            assertThat(r.resumable()).isFalse();
        });
        backups.close();

        RestoreHistoryModel later = model(backup.configFile, backup.dataDir, new SameThread(), at.plusSeconds(7 + 31));
        later.load();
        later.selectedProperty().set(later.rows().get(0));
        assertThat(later.rows()).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo("stopped");
            assertThat(r.ended()).as("its last sign of life").isEqualTo("10:00:07");
            assertThat(r.resumable()).isTrue();
        });
        assertThat(later.resumableProperty().get()).isTrue();
        assertThat(later.detailsProperty().get()).contains("its program has noted nothing since 2026-12-02 10:00:07 UTC");
    }

    @Test
    void verifyAgainReadsTheTargetBackRecordsTheResultAndSaysWhenTheTopicIsGone() throws Exception {
        BrokerBackup backup = BrokerBackup.write(dir);
        String target = "verified-again." + backup.topic;
        ClusterRestore restore = new ClusterRestore(backup.configFile, backup.dataDir);
        restore.run(new RestoreOrder("local", new BackedUpTopic("test", backup.topic), backup.start.plusMillis(1_999),
                RestoreScope.ALL, null, "test", target, TargetOptions.asStored(), GroupChoice.NONE, 0, false), run -> { });
        RestoreRunModelTest.Later runs = new RestoreRunModelTest.Later();
        RestoreHistoryModel history = model(backup.configFile, backup.dataDir, runs);
        history.load();
        assertThat(history.rows()).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo("done");
            assertThat(r.verification()).isEqualTo("not verified");
        });
        assertThat(history.canVerifyProperty().get()).as("nothing selected").isFalse();

        history.selectedProperty().set(history.rows().get(0));
        history.verifyAgain();
        assertThat(history.verifyingProperty().get()).isTrue();
        assertThat(history.canVerifyProperty().get()).as("one verification at a time").isFalse();
        assertThat(history.statusProperty().get()).isEqualTo("Verifying restore #1: reading '" + target
                + "' back and comparing every record with the backup…");
        runs.deliver();

        assertThat(history.verifyingProperty().get()).isFalse();
        assertThat(history.rows()).singleElement().satisfies(r ->
                assertThat(r.verification()).startsWith("passed · 200 of 200 · "));
        assertThat(history.selectedProperty().get()).as("the row stays selected").isEqualTo(history.rows().get(0));
        assertThat(history.statusProperty().get()).startsWith("Restore #1 verified again: passed, 200 of 200 records read back in ")
                .endsWith("; every record equals the backup.");
        try (StateDatabase state = StateDatabase.open(backup.dataDir, "test")) {
            assertThat(state.restores().get(1).verification().passed()).as("stored, as the CLI stores it").isTrue();
        }
        assertThat(errors).isEmpty();

        backup.delete(target);
        history.verifyAgain();
        runs.deliver();

        assertThat(errors).singleElement().satisfies(e -> assertThat(e).hasMessage("Topic '" + target
                + "' is no longer on cluster 'test': restore #1 cannot be verified. Restore it again to have a topic to verify."));
        assertThat(history.statusProperty().get()).startsWith("Restore #1 was not verified: Topic '" + target + "' is no longer");
        assertThat(history.rows().get(0).verification()).as("the last result stays").startsWith("passed");
        assertThat(history.canVerifyProperty().get()).isTrue();
    }

    /** Records a restore of {@code topicId} into {@code targetTopic} started at {@code at}, then {@code after} 7 s later. */
    private static void record(LocalBackup backup, Instant at, UUID topicId, String targetTopic, Consumer<StateDatabase> after) {
        RestoreSpec spec = new RestoreSpec("prod", "local", backup.orders, topicId, "2026-12-02T09:05:00Z", null, false, "dr",
                targetTopic, Map.of(0, 400L, 1, 400L, 2, 400L), Map.of(0, 0L, 1, 0L, 2, 0L), 1_200);
        try (StateDatabase state = open(backup.dataDir, at)) {
            state.restores().begin(spec);
        }
        try (StateDatabase state = open(backup.dataDir, at.plusSeconds(7))) {
            after.accept(state);
        }
    }

    private static StateDatabase open(Path dataDir, Instant now) {
        return StateDatabase.open(dataDir, "test", Clock.fixed(now, ZoneOffset.UTC), MetricsSeries.DEFAULT_RETENTION);
    }

    private RestoreHistoryModel model(Path configFile, Path dataDir, Background runs) {
        return model(configFile, dataDir, runs, Instant.now());
    }

    private RestoreHistoryModel model(Path configFile, Path dataDir, Background runs, Instant now) {
        backups = new StoredBackups(configFile, dataDir);
        return new RestoreHistoryModel(backups, new ClusterRestore(configFile, dataDir), new SameThread(), runs, errors::add,
                Clock.fixed(now, ZoneOffset.UTC));
    }
}
