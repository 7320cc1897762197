package io.kafmirror.ui.login;

import io.kafmirror.engine.access.PasswordHash;
import io.kafmirror.engine.access.Principal;
import io.kafmirror.engine.state.Users;
import io.kafmirror.ui.Background;
import io.kafmirror.ui.ConsoleLogin;
import io.kafmirror.ui.ConsoleMemory;
import io.kafmirror.ui.Problem;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The "create the administrator" dialog's state: name and password typed twice, checked as they are typed by the rules
 * of {@code kaf-mirror users init}; creating claims the data folder and logs in as the new admin; going on without users
 * is remembered for the folder.
 */
public final class CreateAdminViewModel {

    private final ConsoleLogin login;
    private final ConsoleMemory memory;
    private final Background background;
    private final StringProperty name = new SimpleStringProperty(this, "name", System.getProperty("user.name", ""));
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty repeated = new SimpleStringProperty(this, "repeated", "");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(this, "working");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<Principal> created = new ReadOnlyObjectWrapper<>(this, "created");
    private final ReadOnlyBooleanWrapper skipped = new ReadOnlyBooleanWrapper(this, "skipped");
    private final StringBinding nameProblem = Bindings.createStringBinding(
            () -> Users.userNameProblem(name.get().strip()).orElse(""), name);
    // Nothing is said of a field still empty: the button stays disabled, which says enough.
    private final StringBinding passwordProblem = Bindings.createStringBinding(() -> password.get().isEmpty()
            || password.get().length() >= PasswordHash.MIN_LENGTH ? "" : "At least " + PasswordHash.MIN_LENGTH
            + " characters (" + password.get().length() + " typed).", password);
    private final StringBinding repeatedProblem = Bindings.createStringBinding(() -> repeated.get().isEmpty()
            || repeated.get().equals(password.get()) ? "" : "The two passwords differ.", password, repeated);
    private final BooleanBinding canCreate = Bindings.createBooleanBinding(() -> nameProblem.get().isEmpty()
                    && password.get().length() >= PasswordHash.MIN_LENGTH && repeated.get().equals(password.get()) && !working.get(),
            nameProblem, password, repeated, working);

    /** A dialog claiming the folder of {@code login}, remembering a skip in {@code memory}, working on {@code background}. */
    public CreateAdminViewModel(ConsoleLogin login, ConsoleMemory memory, Background background) {
        this.login = login;
        this.memory = memory;
        this.background = background;
    }

    /** The administrator's user name; the operating-system user's at first, as {@code users init} defaults to. */
    public StringProperty nameProperty() {
        return name;
    }

    /** The password typed. */
    public StringProperty passwordProperty() {
        return password;
    }

    /** The password typed again. */
    public StringProperty repeatedProperty() {
        return repeated;
    }

    /** What is wrong with the name; empty when nothing is. */
    public StringBinding nameProblemProperty() {
        return nameProblem;
    }

    /** What is wrong with the password; empty when nothing is, or nothing is typed yet. */
    public StringBinding passwordProblemProperty() {
        return passwordProblem;
    }

    /** Whether the repetition differs from the password. */
    public StringBinding repeatedProblemProperty() {
        return repeatedProblem;
    }

    /** Whether Create administrator may be pressed. */
    public BooleanBinding canCreateProperty() {
        return canCreate;
    }

    /** Whether the administrator is being created. */
    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** Why the engine refused; empty before. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The administrator created and logged in; {@code null} until then. */
    public ReadOnlyObjectProperty<Principal> createdProperty() {
        return created.getReadOnlyProperty();
    }

    /** Whether the operator chose to go on without users. */
    public ReadOnlyBooleanProperty skippedProperty() {
        return skipped.getReadOnlyProperty();
    }

    /** Creates the administrator through the engine (audited as {@code users init}) and logs in as it; the passwords are cleared. */
    public void create() {
        if (!canCreate.get()) {
            return;
        }
        String user = name.get().strip();
        char[] typed = password.get().toCharArray();
        password.set("");
        repeated.set("");
        message.set("");
        working.set(true);
        background.run(() -> login.claim(user, typed), admin -> {
            working.set(false);
            created.set(admin);
        }, failure -> {
            working.set(false);
            message.set(Problem.of(failure).message());
        });
    }

    /** Goes on without users, remembered for this data folder so the dialog is not shown at the next start. */
    public void continueWithoutUsers() {
        working.set(true);
        background.run(() -> {
            memory.chooseWithoutUsers();
            return true;
        }, done -> {
            working.set(false);
            skipped.set(true);
        }, failure -> {
            // Not remembered, so the dialog comes again at the next start; no reason to keep the operator here now.
            working.set(false);
            skipped.set(true);
        });
    }
}
