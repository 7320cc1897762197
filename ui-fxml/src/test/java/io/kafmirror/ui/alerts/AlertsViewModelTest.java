package io.kafmirror.ui.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.config.TopicSelection;
import io.kafmirror.engine.mirror.MirrorEvent;
import io.kafmirror.engine.state.AlertState;
import io.kafmirror.engine.state.AuditEntry;
import io.kafmirror.engine.state.AuditFilter;
import io.kafmirror.engine.state.AuditOutcome;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.ui.RestoreAt;
import io.kafmirror.ui.SameThread;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alert list over a real state database an engine wrote to: rows, the actions per state, and what they store. */
class AlertsViewModelTest {

    private static final String ME = System.getProperty("user.name");

    static final Instant T0 = Instant.parse("2026-11-25T09:14:07Z");

    @TempDir
    Path data;

    final List<Throwable> errors = new ArrayList<>();
    AlertsState state;
    AlertsViewModel model;

    @BeforeEach
    void anomaliesRecordedByAnEngine() {
        try (StateDatabase engine = StateDatabase.open(data, "engine")) {
            engine.jobs().add("orders", JobConfig.of("prod", "vault", TopicSelection.parse("orders.*", "")));
            engine.history().append("orders", new MirrorEvent(MirrorEvent.Type.TOPIC_ADDED, T0, "payments", -1, "payments is mirrored"));
            engine.history().append("orders", new MirrorEvent(MirrorEvent.Type.FORMAT_DRIFT, T0.plusSeconds(1), "payments", -1,
                    "payments: 38 % of records are not valid JSON"));
            engine.history().append("orders", new MirrorEvent(MirrorEvent.Type.GAP, T0.plusSeconds(2), "payments", 3,
                    "offsets 10 to 19 were deleted before they were stored"));
        }
        state = new AlertsState(data);
        model = new AlertsViewModel(state, new SameThread(), errors::add, Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC));
        model.refresh();
    }

    @AfterEach
    void close() {
        state.close();
    }

    @Test
    void openAlertsAreListedNewestFirstWithTheirSeverityAndPlace() {
        assertThat(model.alerts()).extracting(AlertRow::timeText, AlertRow::severityText, AlertRow::whereText, AlertRow::stateText)
                .containsExactly(tuple("2026-11-25 09:14:09", "critical", "payments-3", "open"),
                        tuple("2026-11-25 09:14:08", "critical", "payments", "open"));
        assertThat(model.canAcknowledge().get()).as("nothing selected").isFalse();

        model.selectedProperty().set(model.alerts().get(1));

        assertThat(model.details().get()).contains("FORMAT_DRIFT · orders · payments", "38 % of records",
                "to restore to: 2026-11-25 09:14:07 (2026-11-25T09:14:07.999Z)");
        assertThat(model.canAcknowledge().get()).isTrue();
        assertThat(model.canUnmute().get()).isFalse();
        assertThat(model.canRestoreBefore().get()).isTrue();
        assertThat(model.restoreBefore()).contains(new RestoreAt("orders", "payments", T0.plusSeconds(1).minusMillis(1)));
    }

    @Test
    void anAcknowledgedAlertLeavesTheOpenListAndShowsWithAll() {
        model.selectedProperty().set(model.alerts().get(1));

        model.acknowledge("bad deploy, rolled back");

        assertThat(model.alerts()).extracting(r -> r.alert().type()).containsExactly(MirrorEvent.Type.GAP);
        model.showAllProperty().set(true);
        assertThat(model.alerts()).extracting(AlertRow::stateText)
                .containsExactly("open", "acknowledged by " + System.getProperty("user.name"));
        try (StateDatabase cli = StateDatabase.open(data, "cli")) {
            long id = model.alerts().get(1).alert().id();
            assertThat(cli.alerts().get(id).acknowledgement().comment()).isEqualTo("bad deploy, rolled back");
            assertThat(cli.audit().list(AuditFilter.all().ofAction("alert.acknowledge")))
                    .extracting(AuditEntry::actor, AuditEntry::target, AuditEntry::outcome)
                    .containsExactly(tuple(ME, "alert " + id, AuditOutcome.OK));
        }
        assertThat(errors).isEmpty();
    }

    @Test
    void aMutedAlertCanBeUnmutedWhileItsMuteIsInForce() {
        model.showAllProperty().set(true);
        model.selectedProperty().set(model.alerts().get(0));

        model.mute(Duration.ofHours(24));

        assertThat(model.selectedProperty().get().alert().state()).as("the selection follows the alert").isEqualTo(AlertState.MUTED);
        assertThat(model.selectedProperty().get().stateText()).startsWith("muted until 20");
        assertThat(model.canUnmute().get()).isTrue();

        model.unmute();

        assertThat(model.selectedProperty().get().stateText()).startsWith("muted (unmuted since");
        assertThat(model.canUnmute().get()).isFalse();
        assertThat(errors).isEmpty();
    }

    @Test
    void aFailedChangeIsReportedAndTheListStays() {
        model.selectedProperty().set(model.alerts().get(0));
        model.acknowledge(null);
        model.showAllProperty().set(true);
        model.selectedProperty().set(model.alerts().get(0));

        model.acknowledge("again");

        assertThat(errors).singleElement().extracting(Throwable::getMessage).asString().contains("already acknowledged");
        assertThat(model.alerts()).hasSize(2);
    }
}
