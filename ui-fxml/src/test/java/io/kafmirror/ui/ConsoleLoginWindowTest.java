package io.kafmirror.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.config.TopicSelection;
import io.kafmirror.engine.state.StateDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real console started on a data folder that has users: it asks who logs in before any screen. */
class ConsoleLoginWindowTest {

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
    }

    @Test
    void aClaimedFolderAsksForALoginRefusesAWrongPasswordAndOpensTheConsoleForTheRightOne() throws Exception {
        try (StateDatabase cli = StateDatabase.open(data, "cli")) {
            cli.users().init("ada", "correct horse".toCharArray());
            cli.jobs().add("orders", JobConfig.of("prod", "vault", TopicSelection.parse("orders.*", "")));
        }
        running = (ConsoleApplication) FxToolkit.setupApplication(
                () -> new ConsoleApplication(new ConsoleSettings(data.resolve("config.yml"), data, Screen.JOBS)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(title()).isEqualTo("kaf-mirror — Log in");
        assertThat(robot.lookup("#nav-jobs").tryQuery()).as("no screen before the login").isEmpty();

        robot.clickOn("#user").write("ada");
        robot.clickOn("#password").write("wrong horse!");
        robot.clickOn("#logIn");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#message").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#message").queryAs(Label.class).getText()).contains("wrong user name or password");
        assertThat(title()).isEqualTo("kaf-mirror — Log in");

        robot.clickOn("#password").write("correct horse");
        robot.clickOn("#logIn");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "kaf-mirror — Jobs".equals(title()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> jobs().size() == 1);
        assertThat(robot.lookup("#listProblem").queryAs(Label.class).getText()).as("the Jobs screen is not refused").isEmpty();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "1 running job".equals(label("#runningJobs")));
        assertThat(label("#acting")).isEqualTo("ada (admin)");
    }

    private List<?> jobs() {
        // The screen is built after the title changes: until then there is no table, so no job.
        return robot.lookup("#jobsTable").tryQueryAs(TableView.class).map(table -> List.copyOf(table.getItems())).orElse(List.of());
    }

    private String title() {
        Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
        return stage.getTitle();
    }

    private String label(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
