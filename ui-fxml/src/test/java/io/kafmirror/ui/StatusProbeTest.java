package io.kafmirror.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.config.TopicSelection;
import io.kafmirror.engine.mirror.MirrorEvent;
import io.kafmirror.engine.state.DesiredState;
import io.kafmirror.engine.state.MetricSample;
import io.kafmirror.engine.state.StateDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status bar's data read from a real state database and real configured stores, and how it reads. */
class StatusProbeTest {

    static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");

    @TempDir
    Path data;

    @Test
    void runningJobsComeFromTheStateDatabaseTheCliWritesTo() {
        try (StateDatabase cli = StateDatabase.open(data, "cli")) {
            JobConfig config = JobConfig.of("prod", "vault", TopicSelection.parse("orders.*", ""));
            cli.jobs().add("orders", config);
            cli.jobs().add("payments", config);
            cli.jobs().add("audit", config);
            cli.jobs().setDesiredState("audit", DesiredState.PAUSED);
            cli.history().append("orders", new MirrorEvent(MirrorEvent.Type.GAP, NOW, "orders", 0, "a gap"));
            cli.history().append("orders", new MirrorEvent(MirrorEvent.Type.GROUP_OFFSETS_RESET, NOW, "orders", -1, "a reset"));
        }
        StatusBarModel model = new StatusBarModel();
        try (StatusProbe probe = new StatusProbe(data.resolve("config.yml"), data, Clock.fixed(NOW, ZoneOffset.UTC))) {
            JobsSummary summary = probe.jobs();
            assertThat(summary).isEqualTo(new JobsSummary(List.of("orders", "payments"), 1, 0, false, 1));
            model.showJobs(summary);
        }
        assertThat(model.jobs().textProperty().get()).isEqualTo("2 running jobs, 1 paused");
        assertThat(model.jobs().attentionProperty().get()).as("no engine runs them").isTrue();
        assertThat(model.jobs().detailsProperty().get()).contains("orders, payments", "kaf-mirror run");
        assertThat(model.alerts().textProperty().get()).as("the warning is not counted").isEqualTo("1 open critical alert");
        assertThat(model.alerts().attentionProperty().get()).isTrue();
    }

    @Test
    void aRecentSampleMeansAnEngineIsMirroring() {
        try (StateDatabase cli = StateDatabase.open(data, "cli")) {
            cli.jobs().add("orders", JobConfig.of("prod", "vault", TopicSelection.parse("orders", "")));
            cli.metrics().insert(List.of(new MetricSample("orders", "orders", 0, NOW.minusSeconds(5), 10, 10, 0, 0, 1, 100,
                    null, null)));
        }
        try (StatusProbe probe = new StatusProbe(data.resolve("config.yml"), data, Clock.fixed(NOW, ZoneOffset.UTC))) {
            assertThat(probe.jobs().engineActive()).isTrue();
        }
    }

    @Test
    void aLocalFolderStoreIsReachableButNotUnderObjectLock() throws Exception {
        Path folder = Files.createDirectories(data.resolve("segments"));
        Path config = Files.writeString(data.resolve("config.yml"), """
                stores:
                  laptop:
                    type: local
                    path: %s
                  usb:
                    type: local
                    path: %s
                """.formatted(folder, data.resolve("unplugged")));
        StatusBarModel model = new StatusBarModel();
        try (StatusProbe probe = new StatusProbe(config, data, Clock.systemUTC())) {
            Optional<List<StoreStatus>> stores = probe.stores();
            assertThat(stores.orElseThrow()).extracting(StoreStatus::store, StoreStatus::reachable)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("laptop", true),
                            org.assertj.core.groups.Tuple.tuple("usb", false));
            model.showStores(stores);
        }
        assertThat(Files.exists(data.resolve("unplugged"))).as("a missing folder is not created by a check").isFalse();
        assertThat(model.storeHealth().textProperty().get()).isEqualTo("Unreachable: usb");
        assertThat(model.objectLock().textProperty().get()).isEqualTo("Object Lock: off on laptop");
        assertThat(model.objectLock().attentionProperty().get()).isTrue();
    }

    @Test
    void theObjectLockItemCountsTheSeparationWarningsAndNamesThemInItsDetails() throws Exception {
        Path folder = Files.createDirectories(data.resolve("segments"));
        Path config = Files.writeString(data.resolve("config.yml"), """
                clusters:
                  prod: { brokers: "k1:9092" }
                stores:
                  laptop: { type: local, path: %s }
                jobs:
                  orders: { source: prod, store: laptop, topics: "orders.*" }
                """.formatted(folder));
        StatusBarModel model = new StatusBarModel();
        try (StatusProbe probe = new StatusProbe(config, data, Clock.systemUTC())) {
            model.showStores(probe.stores());
        }
        assertThat(model.objectLock().textProperty().get()).isEqualTo("Object Lock: off on laptop · 1 separation warning");
        assertThat(model.objectLock().detailsProperty().get()).contains("job orders writes into the local store laptop");
        assertThat(model.objectLock().attentionProperty().get()).isTrue();
    }

    @Test
    void withoutAConfigurationNothingIsCheckedAndTheBarSaysSo() {
        StatusBarModel model = new StatusBarModel();
        try (StatusProbe probe = new StatusProbe(data.resolve("config.yml"), data, Clock.systemUTC())) {
            model.showStores(probe.stores());
            model.showJobs(probe.jobs());
        }
        assertThat(model.storeHealth().textProperty().get()).isEqualTo("No stores configured");
        assertThat(model.jobs().textProperty().get()).isEqualTo("No jobs");
        assertThat(model.jobs().attentionProperty().get()).isFalse();
    }

    @Test
    void aProblemReadsAsItsMessageWithTheCausesAsDetails() {
        Problem problem = Problem.of(new IllegalStateException("Cannot open the state database: close that program",
                new java.sql.SQLException("Database may be already in use")));
        assertThat(problem.message()).isEqualTo("Cannot open the state database: close that program");
        assertThat(problem.details()).isEqualTo("IllegalStateException: Cannot open the state database: close that program"
                + "\ncaused by SQLException: Database may be already in use");
        assertThat(Problem.of(new NullPointerException()).message()).startsWith("Something unexpected went wrong (NullPointerException)");
    }
}
