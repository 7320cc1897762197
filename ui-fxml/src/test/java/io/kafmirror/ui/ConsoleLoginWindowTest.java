package io.kafmirror.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kafmirror.engine.access.Principal;
import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.config.TopicSelection;
import io.kafmirror.engine.state.AuditEntry;
import io.kafmirror.engine.state.AuditFilter;
import io.kafmirror.engine.state.AuditOutcome;
import io.kafmirror.engine.state.StateDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real console and who acts in it: a data folder with users asks who logs in before any screen; a first start on
 * a folder without users offers to create its administrator; Log out, and a session that expired, ask again.
 */
class ConsoleLoginWindowTest {

    @TempDir
    Path data;

    final FxRobot robot = new FxRobot();
    ConsoleApplication running;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    // A stage of its own for each console: one left at a main window's size and place by a logout and a new login does
    // not carry into the next test.
    @BeforeEach
    void stage() throws Exception {
        FxToolkit.registerStage(Stage::new);
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

    @Test
    void aFirstStartOnAFolderWithoutUsersCreatesItsAdministratorAndOpensTheConsoleAsIt() throws Exception {
        start(true);
        assertThat(title()).isEqualTo("kaf-mirror — Create the administrator");
        assertThat(robot.lookup("#nav-jobs").tryQuery()).as("no screen before the choice").isEmpty();

        robot.interact(() -> robot.lookup("#name").queryAs(TextField.class).clear());
        robot.clickOn("#name").write("ada");
        robot.clickOn("#password").write("correct");
        assertThat(label("#passwordProblem")).isEqualTo("At least 10 characters (7 typed).");
        robot.write(" horse");
        robot.clickOn("#repeated").write("correct horse");
        robot.clickOn("#create");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "kaf-mirror — Jobs".equals(title()));
        assertThat(label("#acting")).isEqualTo("ada (admin)");
        try (StateDatabase state = ConsoleLogin.of(data).open()) {
            assertThat(state.audit().list(AuditFilter.all().ofAction("user.add")))
                    .extracting(AuditEntry::actor, AuditEntry::target, AuditEntry::outcome)
                    .containsExactly(tuple(Principal.unclaimed().actor(), "ada", AuditOutcome.OK));
            assertThat(state.audit().list(AuditFilter.all().ofAction("user.login")))
                    .extracting(AuditEntry::actor, AuditEntry::outcome)
                    .containsExactly(tuple("ada", AuditOutcome.OK));
        }
    }

    @Test
    void goingOnWithoutUsersLeavesTheFolderUnclaimedAndIsNotAskedAgain() throws Exception {
        start(true);
        robot.clickOn("#skip");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "kaf-mirror — Jobs".equals(title()));
        assertThat(label("#acting")).isEqualTo("unclaimed folder: acting as " + Principal.unclaimed().name() + " (admin)");
        assertThat(fileMenu()).as("offered from the menu instead; nobody to log out").contains("Create administrator…")
                .doesNotContain("Log out");

        FxToolkit.cleanupApplication(running);
        start(true);
        assertThat(title()).as("the second start opens straight away").isEqualTo("kaf-mirror — Jobs");
        assertThat(label("#acting")).startsWith("unclaimed folder");
    }

    @Test
    void logOutAsksWhoLogsInAndTheConsoleOpensAgainForThem() throws Exception {
        claimWithAJob();
        start(false);
        logIn();

        assertThat(fileMenu()).contains("Log out").doesNotContain("Create administrator…");
        robot.clickOn("File");
        robot.clickOn("Log out");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "kaf-mirror — Log in".equals(title()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#nav-jobs").tryQuery()).as("the screens are gone").isEmpty();
        assertThat(label("#intro")).startsWith("Logged out.");
        assertThat(robot.lookup("#user").queryAs(TextField.class).getText()).isEqualTo("ada");

        robot.clickOn("#password").write("correct horse");
        robot.clickOn("#logIn");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "kaf-mirror — Jobs".equals(title()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> jobs().size() == 1);
        try (StateDatabase state = ConsoleLogin.of(data).open()) {
            assertThat(state.audit().list(AuditFilter.all().ofAction("user.logout")))
                    .extracting(AuditEntry::actor, AuditEntry::outcome)
                    .containsExactly(tuple("ada", AuditOutcome.OK));
        }
    }

    @Test
    void anExpiredSessionAsksForThePasswordAgainAndTheScreenCarriesOn() throws Exception {
        claimWithAJob();
        start(false);
        logIn();
        expireSessions();

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> renewal().isPresent());
        Node dialog = renewal().orElseThrow().getScene().getRoot();
        assertThat(robot.from(dialog).lookup("#intro").queryAs(Label.class).getText()).startsWith("Your login session has ended");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !label("#listProblem").isEmpty());

        robot.clickOn(robot.from(dialog).lookup("#password").queryAs(TextField.class)).write("correct horse");
        robot.clickOn(robot.from(dialog).lookup("#logIn").<Node>query());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> renewal().isEmpty());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> label("#listProblem").isEmpty());
        assertThat(title()).as("the same screen").isEqualTo("kaf-mirror — Jobs");
        assertThat(jobs()).hasSize(1);
        try (StateDatabase state = ConsoleLogin.of(data).open()) {
            List<AuditEntry> logins = state.audit().list(AuditFilter.all().ofAction("user.login"));
            assertThat(logins).anySatisfy(refused -> {
                assertThat(refused.outcome()).isEqualTo(AuditOutcome.REFUSED);
                assertThat(refused.reason()).contains("expired at");
            });
            assertThat(logins).filteredOn(login -> login.outcome() == AuditOutcome.OK).as("the first login and the renewal").hasSize(2);
        }
    }

    private void start(boolean offerFirstAdmin) throws Exception {
        running = (ConsoleApplication) FxToolkit.setupApplication(() -> new ConsoleApplication(
                new ConsoleSettings(data.resolve("config.yml"), data, Screen.JOBS, null, false, offerFirstAdmin)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void claimWithAJob() {
        try (StateDatabase cli = StateDatabase.open(data, "cli")) {
            cli.users().init("ada", "correct horse".toCharArray());
            cli.jobs().add("orders", JobConfig.of("prod", "vault", TopicSelection.parse("orders.*", "")));
        }
    }

    // Typing into the dialog is the first test's; here the fields are filled as a paste would.
    private void logIn() throws Exception {
        robot.interact(() -> {
            robot.lookup("#user").queryAs(TextField.class).setText("ada");
            robot.lookup("#password").queryAs(TextField.class).setText("correct horse");
        });
        robot.clickOn("#logIn");
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> "kaf-mirror — Jobs".equals(title()));
        } catch (TimeoutException e) {
            throw new AssertionError("No console after the login: the title is " + title() + ", the dialog says '"
                    + robot.lookup("#message").tryQueryAs(Label.class).map(Label::getText).orElse("") + "'", e);
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> jobs().size() == 1);
    }

    // Twelve hours in a test's time: the sessions' end is moved into the past, in the database the console uses.
    private void expireSessions() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.toAbsolutePath().resolve("state")
                + ";AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE", "kaf-mirror", "");
             PreparedStatement expire = c.prepareStatement("UPDATE access_token SET expires_at = ? WHERE kind = 'SESSION'")) {
            expire.setLong(1, System.currentTimeMillis() - 1000);
            assertThat(expire.executeUpdate()).isEqualTo(1);
        }
    }

    private List<String> fileMenu() {
        return robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().get(0).getItems().stream()
                .filter(MenuItem::isVisible).map(item -> item.getText().replace("_", "")).toList();
    }

    private Optional<Stage> renewal() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage stage && "kaf-mirror — Log in again".equals(stage.getTitle()))
                .map(Stage.class::cast).findFirst();
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
