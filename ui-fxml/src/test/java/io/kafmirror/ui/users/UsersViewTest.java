package io.kafmirror.ui.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kafmirror.engine.access.Principal;
import io.kafmirror.engine.access.Role;
import io.kafmirror.engine.state.ApiToken;
import io.kafmirror.engine.state.AuditEntry;
import io.kafmirror.engine.state.AuditFilter;
import io.kafmirror.engine.state.AuditOutcome;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.engine.state.UserAccount;
import io.kafmirror.ui.ConsoleContext;
import io.kafmirror.ui.ConsoleLogin;
import io.kafmirror.ui.Notifications;
import io.kafmirror.ui.Screen;
import io.kafmirror.ui.ScreenStage;
import io.kafmirror.ui.ShownRows;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Users screen rendered headless over a real H2 file: an admin manages users and a token; a monitor only reads why not. */
@ExtendWith(ScreenStage.class)
class UsersViewTest {

    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path data;

    final FxRobot robot = new FxRobot();
    final Notifications notifications = new Notifications();

    @Test
    void anAdminAddsAUserAndATokenShownOnceChangesTheRoleAndRevokesTheToken() throws Exception {
        try (StateDatabase cli = StateDatabase.open(data, "cli")) {
            cli.users().init("ada", PASSWORD.toCharArray());
        }
        ConsoleLogin.of(data).logIn("ada", PASSWORD.toCharArray());
        ScreenStage.show(Screen.USERS, new ConsoleContext(data.resolve("config.yml"), data, notifications));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> users().size() == 1);

        robot.clickOn("#newNameField").write("bob");
        robot.clickOn("#newPasswordField").write(PASSWORD);
        robot.clickOn("#newPasswordAgainField").write(PASSWORD);
        robot.clickOn("#addUserButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> users().size() == 2);

        robot.clickOn("#tokenNameField").write("backup-service");
        robot.clickOn("#createTokenButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !secretField().getText().isEmpty());
        String secret = secretField().getText();
        assertThat(secret).startsWith("kmt_");
        robot.clickOn("#copySecretButton");
        assertThat(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get()).isEqualTo(secret);
        robot.clickOn("#dismissSecretButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(secretField().getText()).as("the secret is not shown again").isEmpty();
        assertThat(robot.lookup("#secretPane").query().isVisible()).isFalse();

        ShownRows.click(robot, "#usersTable", (UserRow row) -> row.account().name().equals("bob"));
        robot.clickOn("#userRoleChoice");
        robot.clickOn("compliance");
        robot.clickOn("#changeRoleButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> users().get(1).account().role() == Role.COMPLIANCE);

        ShownRows.click(robot, "#tokensTable", (TokenRow row) -> row.token().name().equals("backup-service"));
        robot.clickOn("#revokeTokenButton");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> tokens().size() == 1 && tokens().get(0).revoked());

        try (StateDatabase cli = StateDatabase.open(data, "cli")) {
            cli.users().login("ada", PASSWORD.toCharArray(), Duration.ofMinutes(5));
            assertThat(cli.users().list()).extracting(UserAccount::name, UserAccount::role)
                    .containsExactly(tuple("ada", Role.ADMIN), tuple("bob", Role.COMPLIANCE));
            assertThat(cli.users().tokens()).extracting(ApiToken::name, ApiToken::role, t -> t.revoked() != null)
                    .containsExactly(tuple("backup-service", Role.OPERATOR, true));
            assertThat(cli.audit().list(AuditFilter.all())).filteredOn(e -> e.action().startsWith("user.")
                            || e.action().startsWith("token."))
                    .filteredOn(e -> !e.action().equals("user.login"))
                    .extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::target, AuditEntry::outcome)
                    .containsExactly(tuple(Principal.unclaimed().name(), "user.add", "ada", AuditOutcome.OK), tuple("ada", "user.add", "bob", AuditOutcome.OK),
                            tuple("ada", "token.create", "backup-service", AuditOutcome.OK),
                            tuple("ada", "user.role", "bob", AuditOutcome.OK),
                            tuple("ada", "token.revoke", "backup-service", AuditOutcome.OK));
        }
        assertThat(robot.lookup(".notification").tryQuery()).as("no failure reported").isEmpty();
    }

    @Test
    void aMonitorSeesOnlyThatAnAdminManagesUsers() throws Exception {
        try (StateDatabase cli = StateDatabase.open(data, "cli")) {
            cli.users().init("ada", PASSWORD.toCharArray());
            cli.users().login("ada", PASSWORD.toCharArray(), Duration.ofMinutes(5));
            cli.users().add("mona", PASSWORD.toCharArray(), Role.MONITOR);
        }
        ConsoleLogin.of(data).logIn("mona", PASSWORD.toCharArray());
        ScreenStage.show(Screen.USERS, new ConsoleContext(data.resolve("config.yml"), data, notifications));

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#notice").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#notice").queryAs(Label.class).getText()).startsWith("Only an admin can manage users");
        assertThat(robot.lookup("#content").query().isVisible()).as("no list, no forms").isFalse();
        assertThat(robot.lookup("#addUserButton").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#createTokenButton").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup(".notification").tryQuery()).as("no failure reported").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private List<UserRow> users() {
        return robot.lookup("#usersTable").queryAs(TableView.class).getItems();
    }

    @SuppressWarnings("unchecked")
    private List<TokenRow> tokens() {
        return robot.lookup("#tokensTable").queryAs(TableView.class).getItems();
    }

    private TextField secretField() {
        return robot.lookup("#secretField").queryAs(TextField.class);
    }
}
