package io.kafmirror.ui.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import atlantafx.base.controls.Notification;
import io.kafmirror.engine.anomaly.Detector;
import io.kafmirror.engine.anomaly.Sensitivity;
import io.kafmirror.engine.config.AnomalySettings;
import io.kafmirror.engine.state.DesiredState;
import io.kafmirror.engine.state.Job;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.ui.ConsoleContext;
import io.kafmirror.ui.Notifications;
import io.kafmirror.ui.Screen;
import io.kafmirror.ui.ScreenStage;
import io.kafmirror.ui.ShownRows;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Jobs screen rendered headless against the real test broker and a real H2 file: a job set up through the form, with
 * its anomaly detection.
 */
@ExtendWith(ScreenStage.class)
class JobsViewTest {

    @TempDir
    Path dir;

    final FxRobot robot = new FxRobot();
    final Notifications notifications = new Notifications();

    @Test
    void createsAJobThroughTheFormWithALivePreviewThenPausesIt() throws Exception {
        KafkaTestBroker broker = KafkaTestBroker.shared();
        broker.createTopic("view.orders.eu", 3, Map.of());
        broker.createTopic("view.orders.us", 2, Map.of());
        broker.createTopic("view.payments", 1, Map.of());
        Path data = dir.resolve("data");
        ConsoleContext context = new ConsoleContext(JobsTestConfig.write(dir), data, notifications);
        ScreenStage.show(Screen.JOBS, context);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> "test".equals(robot.lookup("#sourceChoice")
                .queryAs(ChoiceBox.class).getValue()));

        robot.clickOn("#nameField").write("orders-view");
        robot.clickOn("#includesField").write("view\\.orders.*");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> preview().size() == 2);
        assertThat(preview()).extracting(TopicPreview.Line::name, l -> l.topic().partitions())
                .containsExactly(tuple("view.orders.eu", 3),
                        tuple("view.orders.us", 2));
        assertThat(preview()).allSatisfy(l -> assertThat(l.sizeText()).isEqualTo("0 B"));

        robot.write("[");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> text("#includesError").contains("position"));
        assertThat(text("#includesError")).contains("'view\\.orders.*['", "Unclosed character class");
        assertThat(robot.lookup("#saveButton").queryButton().isDisabled()).isTrue();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> preview().isEmpty());
        robot.eraseText(1);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> preview().size() == 2);
        assertThat(robot.lookup("#includesError").queryAs(Label.class).isVisible()).isFalse();

        robot.interact(() -> robot.lookup(".job-form .scroll-pane").queryAs(ScrollPane.class).setVvalue(1));
        // Picked on the control: what matters here is what the form stores, not the choice box popup.
        robot.interact(() -> robot.lookup("#sensitivityChoice").queryAs(ChoiceBox.class).setValue(Sensitivity.HIGH));
        robot.clickOn("#detector-format_drift");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#maxLagField").queryAs(TextField.class).getPromptText()).isEqualTo("default 5m");

        robot.clickOn("#saveButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> jobs().size() == 1);
        assertThat(text("#status")).contains("Job orders-view added");
        try (StateDatabase cli = StateDatabase.open(data, "cli")) {
            assertThat(cli.jobs().get("orders-view").config().anomalies())
                    .isEqualTo(new AnomalySettings(Set.of(Detector.FORMAT_DRIFT), Sensitivity.HIGH, null));
        }
        assertThat(robot.lookup("#nameField").queryAs(TextField.class).getText()).isEmpty();
        assertThat(desiredState(data)).contains(DesiredState.RUNNING);
        assertThat(jobs().get(0).stateText()).isEqualTo("running");

        ShownRows.click(robot, "#jobsTable", (JobRow row) -> "orders-view".equals(row.name()));
        await("the clicked job to be selected, so that Pause applies", data, () -> !button("#pauseButton").isDisabled());
        assertThat(button("#resumeButton").isDisabled()).isTrue();
        robot.clickOn("#pauseButton");
        await("the job list to show the job paused", data, () -> "paused".equals(jobs().get(0).stateText()));
        assertThat(desiredState(data)).contains(DesiredState.PAUSED);
        await("the state cell to show it", data, () -> ShownRows.find(robot, "#jobsTable", (JobRow row) -> "orders-view"
                .equals(row.name())).map(row -> robot.from(row).lookup("#stateColumn").queryLabeled().getText())
                .filter("paused"::equals).isPresent());
        assertThat(button("#pauseButton").isDisabled()).isTrue();
        assertThat(button("#resumeButton").isDisabled()).isFalse();
        assertThat(robot.lookup(".notification").tryQuery()).as("no failure reported").isEmpty();

        robot.clickOn("#removeButton");
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(desiredState(data)).as("kept after Cancel").contains(DesiredState.PAUSED);
        robot.clickOn("#removeButton");
        assertThat(robot.lookup("Remove job orders-view?").tryQuery()).as("the confirmation names the job").isPresent();
        robot.clickOn("OK");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> jobs().isEmpty());
        assertThat(desiredState(data)).as("removed after OK").isEmpty();
    }

    /**
     * Waits for {@code condition}; on a timeout says what the screen showed instead, so a failure on a loaded CI machine
     * tells a lost click from a lost write from a failure notification covering a button.
     */
    private void await(String what, Path data, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("Waited 30 s for " + what + ". The screen showed: jobs " + jobs().stream()
                    .map(j -> j.name() + "=" + j.stateText()).toList() + ", selected " + robot.lookup("#jobsTable")
                    .queryAs(TableView.class).getSelectionModel().getSelectedItems().size() + " row(s), Pause "
                    + (button("#pauseButton").isDisabled() ? "disabled" : "enabled") + ", Resume "
                    + (button("#resumeButton").isDisabled() ? "disabled" : "enabled") + ", notifications "
                    + robot.lookup(".notification").queryAllAs(Notification.class).stream().map(Notification::getMessage)
                    .toList() + "; the database holds " + desiredState(data), e);
        }
    }

    private Optional<DesiredState> desiredState(Path data) {
        try (StateDatabase cli = StateDatabase.open(data, "cli")) {
            return cli.jobs().find("orders-view").map(Job::desiredState);
        }
    }

    @SuppressWarnings("unchecked")
    private List<TopicPreview.Line> preview() {
        return List.copyOf(robot.lookup("#previewTable").queryAs(TableView.class).getItems());
    }

    @SuppressWarnings("unchecked")
    private List<JobRow> jobs() {
        return List.copyOf(robot.lookup("#jobsTable").queryAs(TableView.class).getItems());
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private Button button(String query) {
        return robot.lookup(query).queryButton();
    }
}
