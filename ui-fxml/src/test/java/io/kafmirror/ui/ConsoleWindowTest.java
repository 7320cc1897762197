package io.kafmirror.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.Notification;
import io.kafmirror.engine.evidence.EvidenceKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real console window, rendered headless: navigation by mouse and keyboard, the theme, and what it remembers. */
class ConsoleWindowTest {

    @TempDir
    Path data;

    final FxRobot robot = new FxRobot();
    ConsoleApplication running;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        if (running != null) {
            FxToolkit.cleanupApplication(running);
        }
        FxToolkit.cleanupStages();
        // H2 deletes its lock file when the last connection closes: the console let go of the data folder on its stop.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !Files.exists(data.resolve("state.lock.db")));
    }

    ConsoleApplication start() throws Exception {
        return start(List.of());
    }

    ConsoleApplication start(List<ConsoleAction> actions) throws Exception {
        long started = System.nanoTime();
        running = (ConsoleApplication) FxToolkit.setupApplication(
                () -> new ConsoleApplication(new ConsoleSettings(data.resolve("config.yml"), data, null), actions));
        // The window shows a placeholder first; its screen is built right after.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".screen-placeholder").tryQuery().isEmpty());
        System.out.printf("Console window shown with its screen in %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return running;
    }

    @Test
    void navigatesByMouseAndShortcutTogglesTheThemeAndReopensWhereItWasLeft() throws Exception {
        start();
        assertThat(title()).isEqualTo("kaf-mirror — Clusters");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.isRegularFile(data.resolve(EvidenceKey.FILE)));
        assertThat(robot.lookup("#addCluster").tryQuery()).as("the Clusters screen itself, not a placeholder").isPresent();

        robot.clickOn("#nav-jobs");
        assertThat(title()).isEqualTo("kaf-mirror — Jobs");
        assertThat(selected("#nav-jobs")).isTrue();
        robot.clickOn("#nav-jobs");
        assertThat(selected("#nav-jobs")).as("clicking the current screen keeps it selected").isTrue();

        robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT6);
        assertThat(title()).isEqualTo("kaf-mirror — Audit log");
        assertThat(robot.lookup("#verifyButton").tryQuery()).as("the Audit log screen itself, not a placeholder").isPresent();
        robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT7);
        assertThat(title()).isEqualTo("kaf-mirror — Evidence");
        assertThat(robot.lookup("#exportButton").tryQuery()).as("the Evidence screen itself, not a placeholder").isPresent();
        robot.push(KeyCode.SHORTCUT, KeyCode.DIGIT3);
        assertThat(title()).isEqualTo("kaf-mirror — Dashboard");
        assertThat(selected("#nav-dashboard")).isTrue();

        String light = Theme.LIGHT.userAgentStylesheet();
        String dark = Theme.DARK.userAgentStylesheet();
        robot.interact(() -> Application.setUserAgentStylesheet(light));
        robot.clickOn("#themeToggle");
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(dark);
        robot.push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.T);
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(light);
        robot.push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.T);
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(dark);
        assertThat(selected("#themeToggle")).isTrue();

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "No jobs".equals(label("#runningJobs")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "No stores configured".equals(label("#storeHealth")));
        assertThat(label("#acting")).as("a folder without users: no login, the operating-system user acts")
                .isEqualTo("unclaimed folder: acting as " + System.getProperty("user.name") + " (admin)");

        FxToolkit.cleanupApplication(running);
        robot.interact(() -> Application.setUserAgentStylesheet(light));
        start();
        assertThat(title()).isEqualTo("kaf-mirror — Dashboard");
        assertThat(selected("#nav-dashboard")).isTrue();
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(dark);
    }

    @Test
    void theWindowShowsBeforeItsFirstScreenIsBuiltAndTheScreenFollowsWithTheConfigurationReadInTheBackground() throws Exception {
        Files.writeString(data.resolve("config.yml"), "clusters:\n  prod: { brokers: \"127.0.0.1:9092\" }\n");
        Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
        AtomicReference<String> shownWith = new AtomicReference<>();
        ChangeListener<Boolean> firstShow = (obs, was, showing) -> {
            if (showing) {
                Scene scene = stage.getScene();
                shownWith.compareAndSet(null, scene.lookup("#addCluster") != null ? "the Clusters screen"
                        : scene.lookup(".screen-placeholder") != null ? "a placeholder" : "nothing");
            }
        };
        robot.interact(() -> stage.showingProperty().addListener(firstShow));
        try {
            start();
        } finally {
            robot.interact(() -> stage.showingProperty().removeListener(firstShow));
        }

        assertThat(shownWith.get()).as("what the window holds as it appears").isEqualTo("a placeholder");
        assertThat(robot.lookup("#addCluster").tryQuery()).as("the Clusters screen follows").isPresent();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> label("#status").startsWith("1 cluster and 0 stores in "));
    }

    @Test
    void anExceptionEscapingAnEventHandlerBecomesANotification() throws Exception {
        start();
        Platform.runLater(() -> {
            throw new IllegalStateException("The store 'vault' refused the credentials: check KAF_MIRROR_S3_ACCESS_KEY");
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".notification").tryQuery().isPresent());
        Notification notification = robot.lookup(".notification").queryAs(Notification.class);
        assertThat(notification.getMessage()).isEqualTo("The store 'vault' refused the credentials: check KAF_MIRROR_S3_ACCESS_KEY");
    }

    @Test
    void anActionGivenToTheConsoleIsInItsMenuRunsOffTheFxThreadAndSaysWhatCameOfIt() throws Exception {
        AtomicReference<String> ranOn = new AtomicReference<>();
        start(List.of(new ConsoleAction("Demo", "Inject a bad deploy", () -> {
            ranOn.set(Thread.currentThread().getName());
            return "Bad deploy started: payments are corrupt for 2 minutes";
        })));

        robot.clickOn("Demo");
        robot.clickOn("Inject a bad deploy");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".notification").tryQuery().isPresent());
        assertThat(robot.lookup(".notification").queryAs(Notification.class).getMessage())
                .isEqualTo("Bad deploy started: payments are corrupt for 2 minutes");
        assertThat(ranOn.get()).isNotNull().doesNotContain("JavaFX Application Thread");
    }

    @Test
    void theInstallersTrainingRunClosesTheWindowOnceShown() throws Exception {
        running = (ConsoleApplication) FxToolkit.setupApplication(() -> new ConsoleApplication(
                new ConsoleSettings(data.resolve("config.yml"), data, null, null, true, false)));
        Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
        assertThat(title()).isEqualTo("kaf-mirror — Clusters");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !stage.isShowing());
    }

    private String title() {
        Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
        return stage.getTitle();
    }

    private boolean selected(String query) {
        return robot.lookup(query).queryAs(ToggleButton.class).isSelected();
    }

    private String label(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
