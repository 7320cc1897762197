package io.kafmirror.ui.login;

import io.kafmirror.engine.access.Principal;
import io.kafmirror.ui.Background;
import io.kafmirror.ui.ConsoleLogin;
import io.kafmirror.ui.Problem;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The login dialog's state: why it asks, user and password typed, whether a check runs, the engine's refusal, and who
 * logged in.
 */
public final class LoginViewModel {

    /** Why the dialog asks at a start on a data folder with users. */
    public static final String AT_START = "This data folder has users: log in to act on it.";

    private final ConsoleLogin login;
    private final Background background;
    private final StringProperty intro = new SimpleStringProperty(this, "intro", AT_START);
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<Principal> loggedIn = new ReadOnlyObjectWrapper<>(this, "loggedIn");
    private final BooleanBinding canLogIn = Bindings.createBooleanBinding(
            () -> !user.get().isBlank() && !password.get().isEmpty() && !checking.get(), user, password, checking);

    /** A dialog logging in to {@code login}, checking the password on {@code background} (Argon2 takes 100 ms and more). */
    public LoginViewModel(ConsoleLogin login, Background background) {
        this.login = login;
        this.background = background;
    }

    /** Why the dialog asks: a start, a logout, a session that ended. */
    public StringProperty introProperty() {
        return intro;
    }

    /** The user name typed. */
    public StringProperty userProperty() {
        return user;
    }

    /** The password typed. */
    public StringProperty passwordProperty() {
        return password;
    }

    /** Whether a password is being checked. */
    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    /** Why the last attempt was refused; empty before one. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Who logged in; {@code null} until someone did. */
    public ReadOnlyObjectProperty<Principal> loggedInProperty() {
        return loggedIn.getReadOnlyProperty();
    }

    /** Whether Log in may be pressed: a user and a password typed, and no check running. */
    public BooleanBinding canLogInProperty() {
        return canLogIn;
    }

    /** Checks the user and password typed; the password field is cleared whatever comes of it. */
    public void logIn() {
        if (!canLogIn.get()) {
            return;
        }
        String name = user.get().strip();
        char[] typed = password.get().toCharArray();
        password.set("");
        message.set("");
        checking.set(true);
        background.run(() -> login.logIn(name, typed), who -> {
            checking.set(false);
            loggedIn.set(who);
        }, failure -> {
            checking.set(false);
            message.set(Problem.of(failure).message());
        });
    }
}
