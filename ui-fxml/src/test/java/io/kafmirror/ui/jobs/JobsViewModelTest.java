package io.kafmirror.ui.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.config.TopicSelection;
import io.kafmirror.engine.state.AuditEntry;
import io.kafmirror.engine.state.AuditFilter;
import io.kafmirror.engine.state.AuditOutcome;
import io.kafmirror.engine.state.DesiredState;
import io.kafmirror.engine.state.HistoryEntry;
import io.kafmirror.engine.state.HistoryFilter;
import io.kafmirror.engine.state.MetricSample;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.ui.SameThread;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job list over a real state database written by the CLI's code: rows, actions per state, and what they change. */
class JobsViewModelTest {

    private static final String ME = System.getProperty("user.name");

    static final JobConfig ORDERS = JobConfig.of("prod", "vault", TopicSelection.parse("orders.*", ""));

    @TempDir
    Path data;

    final List<Throwable> errors = new ArrayList<>();
    JobsState state;
    JobsViewModel model;

    @BeforeEach
    void jobsAddedByTheCli() {
        try (StateDatabase cli = StateDatabase.open(data, "cli")) {
            cli.jobs().add("orders", ORDERS);
            cli.jobs().add("payments", ORDERS);
            cli.jobs().setDesiredState("payments", DesiredState.PAUSED);
            cli.jobs().add("audit", ORDERS);
            cli.jobs().setDesiredState("audit", DesiredState.STOPPED);
            Instant at = Instant.parse("2026-11-25T09:00:00Z");
            cli.metrics().insert(List.of(
                    new MetricSample("orders", "orders.eu", 0, at, 1500, 1000, 500, 2.5, 100, 2 * 1024 * 1024, 40L, null),
                    new MetricSample("orders", "orders.eu", 1, at, 300, 100, 200, 4.25, 50, 1024 * 1024, 40L, "leader not available")));
        }
        state = new JobsState(data);
        model = new JobsViewModel(state, new SameThread(), errors::add);
        model.refresh();
    }

    @AfterEach
    void close() {
        state.close();
    }

    @Test
    void rowsSumLagAndThroughputAsJobsStatusDoes() {
        assertThat(model.jobs()).extracting(JobRow::name, JobRow::stateText, JobRow::route)
                .containsExactly(tuple("audit", "stopped", "prod → vault"),
                        tuple("orders", "running", "prod → vault"),
                        tuple("payments", "paused", "prod → vault"));
        JobRow orders = row("orders");
        assertThat(orders.lagRecordsText()).isEqualTo("700");
        assertThat(orders.lagSecondsText()).isEqualTo("4.3 s");
        assertThat(orders.recordsPerSecondText()).isEqualTo("150");
        assertThat(orders.mibPerSecondText()).isEqualTo("3.00");
        assertThat(orders.lastErrorText()).isEqualTo("leader not available");
        assertThat(row("payments").lagRecordsText()).as("never sampled by an engine").isEqualTo("–");
    }

    @Test
    void onlyTheActionsThatChangeTheSelectedJobsStateAreEnabled() {
        assertThat(enabled()).isEqualTo("");
        select("orders");
        assertThat(enabled()).isEqualTo("pause remove");
        select("payments");
        assertThat(enabled()).isEqualTo("resume remove");
        select("audit");
        assertThat(enabled()).isEqualTo("start remove");
    }

    @Test
    void pauseResumeStartAndRemoveChangeTheDesiredStateTheEngineReads() {
        select("orders");
        model.pause();
        assertThat(desired("orders")).isEqualTo(DesiredState.PAUSED);
        assertThat(model.selectedProperty().get().stateText()).as("selection kept on the re-read row").isEqualTo("paused");
        assertThat(enabled()).isEqualTo("resume remove");
        model.resume();
        assertThat(desired("orders")).isEqualTo(DesiredState.RUNNING);
        select("audit");
        model.start();
        assertThat(desired("audit")).isEqualTo(DesiredState.RUNNING);
        model.remove();
        assertThat(model.jobs()).extracting(JobRow::name).containsExactly("orders", "payments");
        assertThat(model.selectedProperty().get()).isNull();
        try (StateDatabase cli = StateDatabase.open(data, "cli")) {
            assertThat(cli.jobs().find("audit")).isEmpty();
            assertThat(cli.history().query(HistoryFilter.of("orders"))).extracting(HistoryEntry::actor).contains("console");
            assertThat(cli.audit().list(AuditFilter.all().byActor(ME)))
                    .extracting(AuditEntry::action, AuditEntry::target, AuditEntry::outcome)
                    .endsWith(tuple("job.pause", "orders", AuditOutcome.OK), tuple("job.resume", "orders", AuditOutcome.OK),
                            tuple("job.resume", "audit", AuditOutcome.OK), tuple("job.remove", "audit", AuditOutcome.OK));
        }
        assertThat(errors).isEmpty();
    }

    @Test
    void aListThatCannotBeReadIsReportedOnceNotOnEveryRefresh() {
        model.unavailable(new IllegalStateException("Cannot open the state database: locked"));
        model.unavailable(new IllegalStateException("Cannot open the state database: locked"));
        assertThat(errors).hasSize(1);
        assertThat(model.problemProperty().get()).isEqualTo("Cannot open the state database: locked");
        model.refresh();
        assertThat(model.problemProperty().get()).isEmpty();
    }

    private JobRow row(String name) {
        return model.jobs().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private void select(String name) {
        model.selectedProperty().set(row(name));
    }

    private DesiredState desired(String name) {
        return state.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow().state();
    }

    private String enabled() {
        List<String> on = new ArrayList<>();
        if (model.canStart().get()) {
            on.add("start");
        }
        if (model.canPause().get()) {
            on.add("pause");
        }
        if (model.canResume().get()) {
            on.add("resume");
        }
        if (model.canRemove().get()) {
            on.add("remove");
        }
        return String.join(" ", on);
    }
}
