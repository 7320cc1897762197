package io.kafmirror.ui.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.access.Principal;
import io.kafmirror.engine.access.Role;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.ui.ConsoleLogin;
import io.kafmirror.ui.SameThread;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logging in to a claimed data folder, against its real state database, without a stage. */
class LoginViewModelTest {

    @TempDir
    Path data;

    LoginViewModel model;

    @BeforeEach
    void claimed() {
        try (StateDatabase state = StateDatabase.open(data, "test")) {
            state.users().init("ada", "correct horse".toCharArray());
        }
        model = new LoginViewModel(ConsoleLogin.of(data), new SameThread());
    }

    @Test
    void logInIsDisabledUntilAUserAndAPasswordAreTyped() {
        assertThat(model.canLogInProperty().get()).isFalse();
        model.userProperty().set("   ");
        model.passwordProperty().set("correct horse");
        assertThat(model.canLogInProperty().get()).as("a blank user name").isFalse();
        model.userProperty().set("ada");
        model.passwordProperty().set("");
        assertThat(model.canLogInProperty().get()).as("no password").isFalse();
        model.passwordProperty().set("correct horse");
        assertThat(model.canLogInProperty().get()).isTrue();
    }

    @Test
    void aWrongPasswordShowsTheEnginesMessageAndLogsNobodyIn() {
        model.userProperty().set("ada");
        model.passwordProperty().set("wrong horse!");
        model.logIn();

        assertThat(model.messageProperty().get()).contains("wrong user name or password");
        assertThat(model.loggedInProperty().get()).isNull();
        assertThat(model.passwordProperty().get()).as("the password typed is not kept").isEmpty();
        try (StateDatabase state = ConsoleLogin.of(data).open()) {
            assertThat(state.principal().kind()).isEqualTo(Principal.Kind.ANONYMOUS);
        }
    }

    @Test
    void theRightPasswordMakesTheConsoleActAsTheUser() {
        model.userProperty().set("ada");
        model.passwordProperty().set("wrong horse!");
        model.logIn();
        model.passwordProperty().set("correct horse");
        model.logIn();

        assertThat(model.messageProperty().get()).as("the earlier refusal is gone").isEmpty();
        assertThat(model.loggedInProperty().get()).isEqualTo(new Principal("ada", Role.ADMIN, Principal.Kind.USER));
        try (StateDatabase state = ConsoleLogin.of(data).open()) {
            assertThat(state.principal().name()).isEqualTo("ada");
            assertThat(state.jobs().list()).as("a screen's read is allowed").isEmpty();
        }
    }
}
