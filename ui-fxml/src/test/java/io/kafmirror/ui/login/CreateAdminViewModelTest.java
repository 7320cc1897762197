package io.kafmirror.ui.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.access.Principal;
import io.kafmirror.engine.access.Role;
import io.kafmirror.engine.state.AuditEntry;
import io.kafmirror.engine.state.AuditFilter;
import io.kafmirror.engine.state.AuditOutcome;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.ui.ConsoleLogin;
import io.kafmirror.ui.ConsoleMemory;
import io.kafmirror.ui.RememberedWindow;
import io.kafmirror.ui.SameThread;
import io.kafmirror.ui.Screen;
import io.kafmirror.ui.Theme;
import io.kafmirror.ui.WindowGeometry;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first start's "create the administrator" dialog on a real data folder without users, without a stage. */
class CreateAdminViewModelTest {

    @TempDir
    Path data;

    CreateAdminViewModel model;

    @BeforeEach
    void unclaimed() {
        model = new CreateAdminViewModel(ConsoleLogin.of(data), ConsoleMemory.in(data), new SameThread());
    }

    @Test
    void theFormIsCheckedAsItIsTypedByTheRulesOfUsersInit() {
        assertThat(model.nameProperty().get()).as("users init's default").isEqualTo(System.getProperty("user.name"));
        model.nameProperty().set("-ada");
        assertThat(model.nameProblemProperty().get()).startsWith("A user name is 1 to 64 letters");
        model.nameProperty().set("ada");
        assertThat(model.nameProblemProperty().get()).isEmpty();

        assertThat(model.passwordProblemProperty().get()).as("nothing typed yet").isEmpty();
        model.passwordProperty().set("short");
        assertThat(model.passwordProblemProperty().get()).isEqualTo("At least 10 characters (5 typed).");
        model.passwordProperty().set("correct horse");
        assertThat(model.passwordProblemProperty().get()).isEmpty();
        assertThat(model.canCreateProperty().get()).as("not typed twice").isFalse();

        model.repeatedProperty().set("correct hors");
        assertThat(model.repeatedProblemProperty().get()).isEqualTo("The two passwords differ.");
        assertThat(model.canCreateProperty().get()).isFalse();
        model.repeatedProperty().set("correct horse");
        assertThat(model.repeatedProblemProperty().get()).isEmpty();
        assertThat(model.canCreateProperty().get()).isTrue();

        model.nameProperty().set("ada lovelace");
        assertThat(model.canCreateProperty().get()).as("a name users init refuses").isFalse();
    }

    @Test
    void creatingTheAdministratorClaimsTheFolderAuditedAsUsersInitAndLogsInAsIt() {
        type("ada", "correct horse", "correct horse");
        model.create();

        assertThat(model.messageProperty().get()).isEmpty();
        assertThat(model.createdProperty().get()).isEqualTo(new Principal("ada", Role.ADMIN, Principal.Kind.USER));
        assertThat(model.passwordProperty().get()).as("the password typed is not kept").isEmpty();
        try (StateDatabase state = ConsoleLogin.of(data).open()) {
            assertThat(state.principal().name()).as("the console acts as the new admin").isEqualTo("ada");
            assertThat(state.users().claimed()).isTrue();
            AuditEntry added = state.audit().list(AuditFilter.all().ofAction("user.add")).get(0);
            assertThat(added).extracting(AuditEntry::actor, AuditEntry::target, AuditEntry::outcome)
                    .containsExactly(Principal.unclaimed().actor(), "ada", AuditOutcome.OK);
            assertThat(added.parameters()).contains("\"first\":true").doesNotContain("correct horse");
        }
        assertThat(ConsoleMemory.in(data).withoutUsersChosen()).isFalse();
    }

    @Test
    void aFolderClaimedMeanwhileIsRefusedWithTheEnginesMessage() {
        try (StateDatabase cli = StateDatabase.open(data, "cli")) {
            cli.users().init("root", "another horse".toCharArray());
        }
        type("ada", "correct horse", "correct horse");
        model.create();

        assertThat(model.createdProperty().get()).isNull();
        assertThat(model.messageProperty().get()).contains("was claimed meanwhile");
        assertThat(model.workingProperty().get()).isFalse();
    }

    @Test
    void goingOnWithoutUsersIsRememberedForTheFolderAndLeavesItUnclaimed() {
        model.continueWithoutUsers();

        assertThat(model.skippedProperty().get()).isTrue();
        assertThat(ConsoleMemory.in(data).withoutUsersChosen()).isTrue();
        ConsoleMemory.in(data).save(new RememberedWindow(Screen.JOBS, Theme.DARK, new WindowGeometry(0, 0, 1200, 800, false)));
        assertThat(ConsoleMemory.in(data).withoutUsersChosen()).as("kept when the window is remembered").isTrue();
        assertThat(ConsoleLogin.of(data).withoutLogin()).isEqualTo(Principal.unclaimed());
    }

    private void type(String name, String password, String repeated) {
        model.nameProperty().set(name);
        model.passwordProperty().set(password);
        model.repeatedProperty().set(repeated);
    }
}
