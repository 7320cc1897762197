package io.kafmirror.ui.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.config.TopicSelection;
import io.kafmirror.engine.mirror.MirrorEvent;
import io.kafmirror.engine.state.Alert;
import io.kafmirror.engine.state.AlertFilter;
import io.kafmirror.engine.state.AlertState;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.ui.ConsoleContext;
import io.kafmirror.ui.Navigation;
import io.kafmirror.ui.Notifications;
import io.kafmirror.ui.RestoreAt;
import io.kafmirror.ui.Screen;
import io.kafmirror.ui.ScreenStage;
import io.kafmirror.ui.ShownRows;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Alerts screen rendered headless over a real H2 file an engine wrote to: an alert acknowledged through it. */
@ExtendWith(ScreenStage.class)
class AlertsViewTest {

    static final Instant T0 = Instant.parse("2026-12-03T09:14:07Z");

    @TempDir
    Path dir;

    final FxRobot robot = new FxRobot();
    final Notifications notifications = new Notifications();

    @Test
    void anAlertAcknowledgedWithACommentIsStoredAcknowledgedAndLeavesTheOpenList() throws Exception {
        Path data = dir.resolve("data");
        try (StateDatabase engine = StateDatabase.open(data, "engine")) {
            engine.jobs().add("orders", JobConfig.of("prod", "vault", TopicSelection.parse("orders.*", "")));
            engine.history().append("orders", new MirrorEvent(MirrorEvent.Type.FORMAT_DRIFT, T0, "payments", -1,
                    "payments: 38 % of records are not valid JSON"));
            engine.history().append("orders", new MirrorEvent(MirrorEvent.Type.GAP, T0.plusSeconds(1), "payments", 3,
                    "offsets 10 to 19 were deleted before they were stored"));
        }
        List<Screen> shown = new ArrayList<>();
        Navigation navigation = new Navigation(shown::add);
        ScreenStage.show(Screen.ALERTS, new ConsoleContext(dir.resolve("config.yml"), data, notifications, navigation));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> rows().size() == 2);
        assertThat(robot.lookup(".severity-critical").tryQuery()).as("the severity cell is styled").isPresent();
        assertThat(robot.lookup("#acknowledgeButton").queryButton().isDisabled()).as("nothing selected").isTrue();

        ShownRows.click(robot, "#alertsTable", (AlertRow row) -> row.alert().type() == MirrorEvent.Type.FORMAT_DRIFT);
        robot.clickOn("#restoreButton");
        assertThat(shown).containsExactly(Screen.RESTORE);
        assertThat(navigation.restoreAtProperty().get()).isEqualTo(new RestoreAt("orders", "payments", T0.minusMillis(1)));
        robot.clickOn("#acknowledgeButton");
        robot.clickOn(".dialog-pane .text-field");
        robot.write("bad deploy 4711, rolled back");
        robot.clickOn("OK");

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> rows().size() == 1);
        assertThat(rows().get(0).alert().type()).isEqualTo(MirrorEvent.Type.GAP);
        try (StateDatabase cli = StateDatabase.open(data, "cli")) {
            Alert drift = cli.alerts().list(AlertFilter.all().states(AlertState.ACKNOWLEDGED)).get(0);
            assertThat(drift.type()).isEqualTo(MirrorEvent.Type.FORMAT_DRIFT);
            assertThat(drift.acknowledgement().comment()).isEqualTo("bad deploy 4711, rolled back");
            assertThat(drift.acknowledgement().actor()).isEqualTo("console");
            assertThat(drift.acknowledgement().by()).isEqualTo(System.getProperty("user.name"));
        }
        assertThat(robot.lookup(".notification").tryQuery()).as("no failure reported").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private List<AlertRow> rows() {
        return robot.lookup("#alertsTable").queryAs(TableView.class).getItems();
    }
}
