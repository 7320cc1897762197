package io.kafmirror.ui.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kafmirror.engine.access.Credentials;
import io.kafmirror.engine.access.Principal;
import io.kafmirror.engine.access.Role;
import io.kafmirror.engine.state.AuditEntry;
import io.kafmirror.engine.state.AuditFilter;
import io.kafmirror.engine.state.AuditOutcome;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.engine.state.UserAccount;
import io.kafmirror.ui.ConsoleLogin;
import io.kafmirror.ui.SameThread;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Users screen's model over a real state database: what each principal sees, and every change as the engine stores it. */
class UsersViewModelTest {

    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path data;

    final List<Throwable> errors = new ArrayList<>();
    UsersState state;
    UsersViewModel model;

    @AfterEach
    void close() {
        if (state != null) {
            state.close();
        }
    }

    @Test
    void anUnclaimedFolderListsNobodyAndSaysHowToCreateTheFirstAdmin() {
        open();

        assertThat(model.listedProperty().get()).isFalse();
        assertThat(model.noticeProperty().get()).contains("has no users yet", "File › Create administrator…", "'kaf-mirror users init'", Principal.unclaimed().name());
        model.newNameProperty().set("ada");
        model.newPassword().passwordProperty().set(PASSWORD);
        assertThat(model.canAdd().get()).as("adding is for a claimed folder's admin").isFalse();
        assertThat(errors).isEmpty();
    }

    @Test
    void aMonitorIsToldOnlyAnAdminManagesUsersAndNothingIsListed() {
        claimedBy("ada");
        try (StateDatabase cli = StateDatabase.open(data, "cli")) {
            cli.users().login("ada", PASSWORD.toCharArray(), Duration.ofMinutes(5));
            cli.users().add("mona", PASSWORD.toCharArray(), Role.MONITOR);
        }
        ConsoleLogin.of(data).logIn("mona", PASSWORD.toCharArray());
        open();

        assertThat(model.listedProperty().get()).isFalse();
        assertThat(model.managesProperty().get()).isFalse();
        assertThat(model.users()).isEmpty();
        assertThat(model.noticeProperty().get()).isEqualTo("Only an admin can manage users and API tokens; the console acts as"
                + " user 'mona' (monitor).");
        try (StateDatabase cli = StateDatabase.open(data, "cli")) {
            cli.users().login("ada", PASSWORD.toCharArray(), Duration.ofMinutes(5));
            assertThat(cli.audit().list(AuditFilter.all().ofAction("user.list"))).as("reading is not even attempted").isEmpty();
        }
    }

    @Test
    void anAdminAddsAUserChangesItsRoleResetsItsPasswordAndRemovesIt() {
        claimedBy("ada");
        ConsoleLogin.of(data).logIn("ada", PASSWORD.toCharArray());
        open();
        assertThat(model.users()).extracting(r -> r.account().name()).containsExactly("ada");
        assertThat(model.users().get(0).lastLoginText()).as("the console's login").isNotEqualTo("never");

        model.newNameProperty().set("bob");
        model.newRoleProperty().set(Role.OPERATOR);
        model.newPassword().passwordProperty().set(PASSWORD);
        model.newPassword().againProperty().set(PASSWORD);
        model.add();
        assertThat(model.users()).extracting(r -> r.account().name(), r -> r.account().role())
                .containsExactly(tuple("ada", Role.ADMIN), tuple("bob", Role.OPERATOR));
        assertThat(model.users().get(1).lastLoginText()).isEqualTo("never");
        assertThat(model.newNameProperty().get()).as("the form is emptied").isEmpty();
        assertThat(model.newPassword().passwordProperty().get()).isEmpty();

        // As a table does: it unselects while its items are replaced.
        model.users().addListener((ListChangeListener<UserRow>) change -> model.selectedUserProperty().set(null));
        model.selectedUserProperty().set(model.users().get(1));
        assertThat(model.canChangeRole().get()).as("the role it has").isFalse();
        model.userRoleProperty().set(Role.COMPLIANCE);
        model.passwordReset().passwordProperty().set("another long");
        model.refresh();
        assertThat(model.userRoleProperty().get()).as("a periodic read keeps the choice").isEqualTo(Role.COMPLIANCE);
        assertThat(model.passwordReset().passwordProperty().get()).isEqualTo("another long");
        model.changeRole();
        model.passwordReset().passwordProperty().set("another long password");
        model.passwordReset().againProperty().set("another long password");
        model.resetPassword();
        model.remove();

        assertThat(model.selectedUserProperty().get().removedText()).isNotEmpty();
        assertThat(model.canRemove().get()).as("a removed user cannot be changed").isFalse();
        assertThat(errors).isEmpty();
        try (StateDatabase cli = loggedIn()) {
            assertThat(cli.users().list()).extracting(UserAccount::name, UserAccount::role, a -> a.removed() != null)
                    .containsExactly(tuple("ada", Role.ADMIN, false), tuple("bob", Role.COMPLIANCE, true));
            assertThat(cli.audit().list(AuditFilter.all())).filteredOn(e -> e.target().equals("bob"))
                    .extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::outcome)
                    .containsExactly(tuple("ada", "user.add", AuditOutcome.OK), tuple("ada", "user.role", AuditOutcome.OK),
                            tuple("ada", "user.password", AuditOutcome.OK), tuple("ada", "user.remove", AuditOutcome.OK));
        }
    }

    @Test
    void theEnginesRefusalsAndTwoDifferentPasswordsAreReportedAndChangeNothing() {
        claimedBy("ada");
        ConsoleLogin.of(data).logIn("ada", PASSWORD.toCharArray());
        open();

        model.newNameProperty().set("bob");
        model.newPassword().passwordProperty().set(PASSWORD);
        model.newPassword().againProperty().set(PASSWORD + "!");
        model.add();
        model.newPassword().againProperty().set(PASSWORD);
        model.newPassword().passwordProperty().set("short");
        model.newPassword().againProperty().set("short");
        model.add();
        model.selectedUserProperty().set(model.users().get(0));
        model.remove();

        assertThat(errors).extracting(Throwable::getMessage).containsExactly(
                "The two passwords differ; nothing was changed. Type the same password twice.",
                "A password must have at least 10 characters; choose a longer one.",
                "'ada' is the last admin: add another admin first, or nobody could manage the users any more.");
        assertThat(model.users()).extracting(r -> r.account().name()).containsExactly("ada");
        assertThat(model.newNameProperty().get()).as("the form is kept to correct").isEqualTo("bob");
    }

    @Test
    void aNewTokensSecretIsShownUntilDismissedAndTheTokenCanBeRevoked() {
        claimedBy("ada");
        ConsoleLogin.of(data).logIn("ada", PASSWORD.toCharArray());
        open();

        model.tokenNameProperty().set("backup-service");
        model.tokenRoleProperty().set(Role.OPERATOR);
        model.tokenValidityProperty().set("90d");
        model.createToken();

        String secret = model.issuedSecretProperty().get();
        assertThat(secret).startsWith("kmt_");
        assertThat(model.issuedNoteProperty().get()).contains("operator token 'backup-service' works until", "only this once");
        assertThat(model.tokens()).extracting(r -> r.token().name(), TokenRow::revokedText).containsExactly(tuple("backup-service", ""));
        assertThat(model.tokens().get(0).expiresText()).isNotEqualTo("never");
        try (StateDatabase service = StateDatabase.open(data, "service", Credentials.token(secret))) {
            assertThat(service.principal().actor()).isEqualTo("token:backup-service");
        }
        model.dismissSecret();
        assertThat(model.issuedSecretProperty().get()).isEmpty();

        model.selectedTokenProperty().set(model.tokens().get(0));
        model.revokeToken();

        assertThat(model.tokens().get(0).revokedText()).isNotEmpty();
        assertThat(model.canRevoke().get()).isFalse();
        model.tokenNameProperty().set("x");
        model.tokenValidityProperty().set("soon");
        model.createToken();
        assertThat(errors).singleElement().extracting(Throwable::getMessage).asString().startsWith("The token's validity:");
        try (StateDatabase cli = loggedIn()) {
            assertThat(cli.audit().list(AuditFilter.all())).filteredOn(e -> e.target().equals("backup-service"))
                    .extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::outcome)
                    .containsExactly(tuple("ada", "token.create", AuditOutcome.OK), tuple("ada", "token.revoke", AuditOutcome.OK));
        }
    }

    private void claimedBy(String admin) {
        try (StateDatabase cli = StateDatabase.open(data, "cli")) {
            cli.users().init(admin, PASSWORD.toCharArray());
        }
    }

    private StateDatabase loggedIn() {
        StateDatabase cli = StateDatabase.open(data, "cli");
        cli.users().login("ada", PASSWORD.toCharArray(), Duration.ofMinutes(5));
        return cli;
    }

    private void open() {
        state = new UsersState(data);
        model = new UsersViewModel(state, new SameThread(), errors::add, ZoneOffset.UTC);
        model.refresh();
    }
}
