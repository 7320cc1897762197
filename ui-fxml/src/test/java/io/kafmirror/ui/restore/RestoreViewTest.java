package io.kafmirror.ui.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.ui.ConsoleContext;
import io.kafmirror.ui.Notifications;
import io.kafmirror.ui.Screen;
import io.kafmirror.ui.ScreenStage;
import java.io.IOException;
import io.kafmirror.engine.restore.RestoreRun;
import io.kafmirror.engine.restore.TargetOptions;
import io.kafmirror.kfs.format.KfsRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Restore screen rendered headless over a real local backup: a topic picked, the cursor dragged on the timeline and
 * moved with the keyboard, a precise time typed; the field, the cursor and the cut table agree with the engine's planner.
 * Then over a topic backed up from the real test broker: a new topic name mapped, a dry run, and Restore until its
 * verification shows; the restored topic equals the source up to the point.
 */
@ExtendWith(ScreenStage.class)
class RestoreViewTest {

    @TempDir
    Path dir;

    final FxRobot robot = new FxRobot();
    final Notifications notifications = new Notifications();

    @AfterEach
    void close() throws Exception {
        // Leaving the screen closes its catalogs and state database, so the temporary folder can go.
        ScreenStage.leaveScreens();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, this::noDatabaseOpen);
    }

    private boolean noDatabaseOpen() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.noneMatch(f -> f.getFileName().toString().endsWith(".lock.db"));
        }
    }

    @Test
    void picksARestorePointByDraggingTheTimelineAndByTypingItAndPreviewsAPartitionsCut() throws Exception {
        LocalBackup backup = LocalBackup.write(dir, "view");
        show(backup.configFile, backup.dataDir);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !cuts().isEmpty());

        robot.clickOn("#topicChoice").clickOn(new BackedUpTopic("prod", backup.payments).toString());
        RestoreTimeline timeline = robot.lookup("#timeline").queryAs(RestoreTimeline.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> timeline.timelineProperty().get() != null
                && backup.payments.equals(timeline.timelineProperty().get().topic().topic()));
        assertThat(timeline.isVisible()).isTrue();
        assertThat(timeline.getHeight()).isGreaterThan(100);

        Instant start = LocalBackup.START;
        robot.moveTo(onTimeline(timeline, start.plusSeconds(60))).press(MouseButton.PRIMARY)
                .moveTo(onTimeline(timeline, start.plusSeconds(150)))
                .moveTo(onTimeline(timeline, start.plusSeconds(240))).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Instant dragged = timeline.pointProperty().get();
        // One pixel of a 1200 px window over a ten-minute backup is about half a second.
        assertThat(dragged).isBetween(start.plusSeconds(238), start.plusSeconds(242));
        assertThat(pointText()).isEqualTo(PointText.format(dragged));
        awaitCutsAt(backup, backup.payments, dragged);

        robot.type(KeyCode.RIGHT);
        assertThat(timeline.pointProperty().get()).isEqualTo(dragged.plusSeconds(1));
        assertThat(pointText()).isEqualTo(PointText.format(dragged.plusSeconds(1)));

        replaceText("#pointField", "2026-12-02T09:02:03.456Z");
        Instant typed = Instant.parse("2026-12-02T09:02:03.456Z");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(timeline.pointProperty().get()).isEqualTo(typed);
        awaitCutsAt(backup, backup.payments, typed);
        assertThat(robot.lookup("#pointProblem").queryLabeled().isVisible()).isFalse();

        TableView<?> cutTable = robot.lookup("#cutTable").queryTableView();
        robot.interact(cutTable::requestFocus);
        robot.type(KeyCode.DOWN, 2);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> cutTable.getSelectionModel().getSelectedIndex() == 2);
        long cut = cuts().get(2).cutOffset();
        List<Long> log = backup.records(backup.payments, 2).stream().map(KfsRecord::offset).toList();
        int firstNotRestored = log.indexOf(log.stream().filter(o -> o >= cut).findFirst().orElseThrow());
        List<Long> expected = log.subList(firstNotRestored - 5, firstNotRestored + 5);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> previewOffsets().equals(expected));
        assertThat(robot.lookup("not restored").tryQuery()).as("the records after the cut are marked").isPresent();

        TextField field = robot.lookup("#pointField").queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(field::end);
        robot.write("9");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#pointProblem").queryLabeled().getText()).contains("is not a restore time");
        assertThat(timeline.pointProperty().get()).as("the cursor stays").isEqualTo(typed);

        TimelineEvent deleted = timeline.timelineProperty().get().events().get(0);
        robot.clickOn("#eventChoice").clickOn(deleted.toString()).clickOn("#jumpButton");
        Instant justBefore = LocalBackup.START.plusSeconds(200).minusMillis(1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(timeline.pointProperty().get()).isEqualTo(justBefore);
        assertThat(pointText()).isEqualTo("2026-12-02T09:03:19.999Z");
        assertThat(robot.lookup("#pointProblem").queryLabeled().isVisible()).isFalse();
        awaitCutsAt(backup, backup.payments, justBefore);
        assertThat(robot.lookup(".notification").tryQuery()).as("no failure reported").isEmpty();
    }

    @Test
    void leavingTheScreenRightAfterMovingThePointLeavesItsDatabasesClosed() throws Exception {
        LocalBackup backup = LocalBackup.write(dir, "leave");
        show(backup.configFile, backup.dataDir);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !cuts().isEmpty());
        RestoreTimeline timeline = robot.lookup("#timeline").queryAs(RestoreTimeline.class);

        // The move asks for a plan once the point has rested; the screen is left before that.
        robot.interact(() -> {
            timeline.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.LEFT, true, false, false, false));
            robot.listWindows().forEach(w -> w.getScene().setRoot(new StackPane()));
        });
        Thread.sleep((long) RestoreController.SETTLE.toMillis() + 1000);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(noDatabaseOpen()).as("no catalog or state database opened again behind another screen").isTrue();
    }

    @Test
    void restoresThePickedPointIntoANewTopicAndShowsItsVerification() throws Exception {
        BrokerBackup backup = BrokerBackup.write(dir);
        RestoreTimeline timeline = showTimeline(backup);
        Instant point = backup.start.plusMillis(1_999);
        typePoint(timeline, point);
        String target = "restored-ui." + backup.topic;
        replaceText("#namingField", "restored-ui.");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#targetTopic").queryLabeled().getText()).isEqualTo(target);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#restoreButton").queryButton().isDisabled());

        robot.clickOn("#dryRunButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> outcome().startsWith("Dry run: 200 records"));
        assertThat(backup.exists(target)).as("the dry run creates no topic").isFalse();

        robot.clickOn("#restoreButton");
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> outcome().contains("Verification"));
        assertThat(outcome()).contains("completed: 200 of 200 records", "Verification passed");
        assertThat(robot.lookup("#progressBar").queryAs(ProgressBar.class).getProgress()).isEqualTo(1.0);
        assertThat(robot.lookup("#cancelButton").queryButton().isDisabled()).as("nothing left to cancel").isTrue();
        assertThat(robot.lookup(".notification").tryQuery()).as("no failure reported").isEmpty();
        assertThat(backup.records(target)).isEqualTo(backup.sourceUpTo(point));
    }

    @Test
    void aRestoreIsListedInTheHistoryWhereVerifyAgainReadsItBackAndShowsThePass() throws Exception {
        BrokerBackup backup = BrokerBackup.write(dir);
        RestoreTimeline timeline = showTimeline(backup);
        Instant point = backup.start.plusMillis(1_999);
        typePoint(timeline, point);
        replaceText("#namingField", "history-ui.");
        robot.clickOn("#verifyBox");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#restoreButton").queryButton().isDisabled());
        robot.clickOn("#restoreButton");
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> outcome().contains("Not verified"));

        robot.clickOn("History");
        TableView<RestoreHistoryRow> history = historyTable();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> history.getItems().size() == 1);
        RestoreHistoryRow row = history.getItems().get(0);
        assertThat(row.route()).isEqualTo(backup.topic + " → test / history-ui." + backup.topic);
        assertThat(row.state()).isEqualTo("done");
        assertThat(row.verification()).isEqualTo("not verified");
        assertThat(robot.lookup("#verifyAgainButton").queryButton().isDisabled()).as("nothing selected").isTrue();

        robot.clickOn(cell("#1"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup("#verifyAgainButton").queryButton().isDisabled());
        assertThat(robot.lookup("#historyDetails").queryLabeled().getText()).contains("Restore #1 of " + backup.topic);
        robot.clickOn("#verifyAgainButton");
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> history.getItems().get(0).verification().startsWith("passed"));
        assertThat(history.getItems().get(0).verification()).startsWith("passed · 200 of 200 · ");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#historyStatus").queryLabeled().getText()
                .startsWith("Restore #1 verified again: passed"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(cell("passed · 200 of 200 · ")).tryQuery()
                .isPresent());
        assertThat(robot.lookup(".notification").tryQuery()).as("no failure reported").isEmpty();
    }

    @Test
    void anInterruptedRestoreIsResumedFromTheHistoryItsProgressAndOutcomeOnTheRestoreTab() throws Exception {
        BrokerBackup backup = BrokerBackup.write(dir);
        Instant point = backup.start.plusMillis(1_999);
        String target = "resumed-ui." + backup.topic;
        new ClusterRestore(backup.configFile, backup.dataDir).run(new RestoreOrder("local", new BackedUpTopic("test",
                backup.topic), point, RestoreScope.ALL, null, "test", target, TargetOptions.asStored(), GroupChoice.NONE, 0,
                true), RestoreRun::cancel);
        showTimeline(backup);

        robot.clickOn("History");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> historyTable().getItems().size() == 1);
        assertThat(historyTable().getItems().get(0).state()).isEqualTo("interrupted");
        robot.clickOn(cell("#1"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup("#resumeButton").queryButton().isDisabled());
        assertThat(robot.lookup("#verifyAgainButton").queryButton().isDisabled()).as("records are missing").isTrue();
        robot.clickOn("#resumeButton");

        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> outcome().contains("Verification"));
        assertThat(robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getText())
                .as("the progress and outcome are on the Restore tab").isEqualTo("Restore");
        assertThat(outcome()).contains("Restore #1 completed: 200 of 200 records", "Verification passed");
        assertThat(backup.records(target)).isEqualTo(backup.sourceUpTo(point));
        robot.clickOn("History");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> historyTable().getItems().get(0).state().equals("done"));
        assertThat(robot.lookup(".notification").tryQuery()).as("no failure reported").isEmpty();
    }

    @Test
    void theOlderGenerationOfARecreatedTopicIsChosenAndRestored() throws Exception {
        BrokerBackup backup = BrokerBackup.writeRecreated(dir);
        RestoreTimeline timeline = showTimeline(backup);
        @SuppressWarnings("unchecked")
        ChoiceBox<TopicGeneration> generations = robot.lookup("#generationChoice").queryAs(ChoiceBox.class);
        assertThat(generations.isVisible()).as("two generations to choose from").isTrue();
        assertThat(generations.getItems()).hasSize(2);
        assertThat(generations.getValue().newest()).as("the newest shown first").isTrue();
        assertThat(timeline.timelineProperty().get().density().start()).isAfter(backup.start.plusSeconds(599));

        robot.clickOn(generations).clickOn(generations.getItems().get(0).toString());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> timeline.timelineProperty().get() != null
                && timeline.timelineProperty().get().generation().number() == 1);
        Instant end = timeline.timelineProperty().get().density().end();
        assertThat(end).as("the last record of the first generation").isEqualTo(backup.start.plusMillis((BrokerBackup.RECORDS - 1) * 10L));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> end.equals(timeline.pointProperty().get()));
        String target = "older-generation." + backup.topic;
        replaceText("#namingField", "older-generation.");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#restoreButton").queryButton().isDisabled()
                && !cuts().isEmpty());
        assertThat(cuts()).extracting(CutRow::records).containsExactly(100L, 100L, 100L);

        robot.clickOn("#restoreButton");
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> outcome().contains("Verification"));
        assertThat(outcome()).contains("completed: 300 of 300 records", "Verification passed");
        assertThat(backup.records(target)).isEqualTo(backup.olderGeneration);
        assertThat(robot.lookup(".notification").tryQuery()).as("no failure reported").isEmpty();
    }

    /** Shows the Restore screen over {@code backup}, returning its timeline once it shows the first topic. */
    private RestoreTimeline showTimeline(BrokerBackup backup) throws Exception {
        show(backup.configFile, backup.dataDir);
        RestoreTimeline timeline = robot.lookup("#timeline").queryAs(RestoreTimeline.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> timeline.timelineProperty().get() != null);
        return timeline;
    }

    /** Types {@code point} into the point field and waits for the cursor to move there. */
    private void typePoint(RestoreTimeline timeline, Instant point) throws Exception {
        replaceText("#pointField", PointText.format(point));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> point.equals(timeline.pointProperty().get()));
    }

    /** A table cell whose text starts with {@code text}. */
    private static Predicate<Node> cell(String text) {
        return n -> n instanceof TableCell<?, ?> c && c.getText() != null && c.getText().startsWith(text);
    }

    @SuppressWarnings("unchecked")
    private TableView<RestoreHistoryRow> historyTable() {
        return robot.lookup("#historyTable").queryAs(TableView.class);
    }

    /** Shows the Restore screen over {@code configFile} and {@code dataDir} in a 1200x760 window. */
    private void show(Path configFile, Path dataDir) throws Exception {
        ConsoleContext context = new ConsoleContext(configFile, dataDir, notifications);
        ScreenStage.show(Screen.RESTORE, context);
    }

    private void replaceText(String query, String text) {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.write(text);
    }

    private String outcome() {
        return robot.lookup("#outcome").queryLabeled().getText();
    }
    private static Point2D onTimeline(RestoreTimeline timeline, Instant at) {
        return timeline.localToScreen(timeline.xOf(at), timeline.getHeight() / 2);
    }

    private void awaitCutsAt(LocalBackup backup, String topic, Instant at) throws Exception {
        List<CutRow> expected = LocalBackup.rows(backup.plan(topic, at));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> cuts().equals(expected));
    }

    @SuppressWarnings("unchecked")
    private List<Long> previewOffsets() {
        List<PreviewRecord> shown = robot.lookup("#previewTable").queryAs(TableView.class).getItems();
        return shown.stream().map(PreviewRecord::offset).toList();
    }

    private String pointText() {
        return robot.lookup("#pointField").queryAs(TextField.class).getText();
    }

    @SuppressWarnings("unchecked")
    private List<CutRow> cuts() {
        return List.copyOf(robot.lookup("#cutTable").queryAs(TableView.class).getItems());
    }
}
