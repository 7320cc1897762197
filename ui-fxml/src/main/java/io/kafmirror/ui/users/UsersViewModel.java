package io.kafmirror.ui.users;

import io.kafmirror.engine.access.Principal;
import io.kafmirror.engine.access.Role;
import io.kafmirror.engine.config.DurationText;
import io.kafmirror.engine.state.IssuedSecret;
import io.kafmirror.ui.Background;
import io.kafmirror.ui.ReadProblem;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Users screen: the users and API tokens, the forms that add a user and create a token, and the changes to the
 * selected user or token, enabled as the access policy allows the acting principal. Every change goes through
 * {@link UsersState} to the engine, which checks and audits it; its refusals (the last admin, a name taken) are shown as
 * they are. A new token's secret is held until dismissed and never read again. Use on the FX thread.
 */
public final class UsersViewModel {

    private final UsersState state;
    private final Background background;
    private final Consumer<Throwable> errors;
    private final ZoneId zone;
    private final ObservableList<UserRow> users = FXCollections.observableArrayList();
    private final ObservableList<TokenRow> tokens = FXCollections.observableArrayList();
    private final ObjectProperty<UserRow> selectedUser = new SimpleObjectProperty<>(this, "selectedUser");
    private final ObjectProperty<TokenRow> selectedToken = new SimpleObjectProperty<>(this, "selectedToken");
    private final ReadOnlyBooleanWrapper listed = new ReadOnlyBooleanWrapper(this, "listed");
    private final ReadOnlyBooleanWrapper manages = new ReadOnlyBooleanWrapper(this, "manages");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadProblem problem;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private String formFor;
    private boolean showing;

    private final StringProperty newName = new SimpleStringProperty(this, "newName", "");
    private final ObjectProperty<Role> newRole = new SimpleObjectProperty<>(this, "newRole", Role.OPERATOR);
    private final PasswordTwice newPassword = new PasswordTwice();
    private final ObjectProperty<Role> userRole = new SimpleObjectProperty<>(this, "userRole");
    private final PasswordTwice passwordReset = new PasswordTwice();
    private final StringProperty tokenName = new SimpleStringProperty(this, "tokenName", "");
    private final ObjectProperty<Role> tokenRole = new SimpleObjectProperty<>(this, "tokenRole", Role.OPERATOR);
    private final StringProperty tokenValidity = new SimpleStringProperty(this, "tokenValidity", "");
    private final ReadOnlyStringWrapper issuedSecret = new ReadOnlyStringWrapper(this, "issuedSecret", "");
    private final ReadOnlyStringWrapper issuedNote = new ReadOnlyStringWrapper(this, "issuedNote", "");

    private final BooleanBinding changes = manages.and(busy.not());
    private final BooleanBinding activeUser = Bindings.createBooleanBinding(
            () -> selectedUser.get() != null && selectedUser.get().active(), selectedUser);
    private final BooleanBinding canAdd = changes.and(newName.isNotEmpty()).and(newPassword.passwordProperty().isNotEmpty());
    private final BooleanBinding canChangeRole = changes.and(activeUser).and(Bindings.createBooleanBinding(
            () -> userRole.get() != null && userRole.get() != selectedUser.get().account().role(), userRole, selectedUser));
    private final BooleanBinding canResetPassword = changes.and(activeUser).and(passwordReset.passwordProperty().isNotEmpty());
    private final BooleanBinding canRemove = changes.and(activeUser);
    private final BooleanBinding canCreateToken = changes.and(tokenName.isNotEmpty());
    private final BooleanBinding canRevoke = changes.and(Bindings.createBooleanBinding(
            () -> selectedToken.get() != null && !selectedToken.get().revoked(), selectedToken));

    /** The users and tokens in {@code state}, read and changed on {@code background}, refused changes to {@code errors}. */
    public UsersViewModel(UsersState state, Background background, Consumer<Throwable> errors, ZoneId zone) {
        this.state = state;
        this.background = background;
        this.errors = errors;
        this.zone = zone;
        this.problem = new ReadProblem(errors);
        selectedUser.addListener((o, before, after) -> {
            if (!showing) {
                formFollows(after);
            }
        });
    }

    /** The users, removed ones too, by name. */
    public ObservableList<UserRow> users() {
        return users;
    }

    /** The API tokens, revoked ones too, by name. */
    public ObservableList<TokenRow> tokens() {
        return tokens;
    }

    /** The user the role, password and remove actions apply to. */
    public ObjectProperty<UserRow> selectedUserProperty() {
        return selectedUser;
    }

    /** The token Revoke applies to. */
    public ObjectProperty<TokenRow> selectedTokenProperty() {
        return selectedToken;
    }

    /** Whether the users and tokens are listed: the folder has users and the acting principal may read them. */
    public ReadOnlyBooleanProperty listedProperty() {
        return listed.getReadOnlyProperty();
    }

    /** Whether the acting principal may change users and tokens. */
    public ReadOnlyBooleanProperty managesProperty() {
        return manages.getReadOnlyProperty();
    }

    /** Why nothing is listed (no users yet, or not an admin) and what to do; empty while listed. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Why the list could not be read, empty while it can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.messageProperty();
    }

    /** The name of the user to add. */
    public StringProperty newNameProperty() {
        return newName;
    }

    /** The role of the user to add. */
    public ObjectProperty<Role> newRoleProperty() {
        return newRole;
    }

    /** The password of the user to add, typed twice. */
    public PasswordTwice newPassword() {
        return newPassword;
    }

    /** The role to give the selected user. */
    public ObjectProperty<Role> userRoleProperty() {
        return userRole;
    }

    /** The new password of the selected user, typed twice. */
    public PasswordTwice passwordReset() {
        return passwordReset;
    }

    /** The name of the token to create. */
    public StringProperty tokenNameProperty() {
        return tokenName;
    }

    /** The role of the token to create. */
    public ObjectProperty<Role> tokenRoleProperty() {
        return tokenRole;
    }

    /** How long the token to create works, e.g. {@code 90d}; empty for until revoked. */
    public StringProperty tokenValidityProperty() {
        return tokenValidity;
    }

    /** The secret of the token just created, empty once dismissed: it is shown this once. */
    public ReadOnlyStringProperty issuedSecretProperty() {
        return issuedSecret.getReadOnlyProperty();
    }

    /** What the shown secret is for and that it is not shown again. */
    public ReadOnlyStringProperty issuedNoteProperty() {
        return issuedNote.getReadOnlyProperty();
    }

    /** A name and a password are given and the principal may add users. */
    public BooleanBinding canAdd() {
        return canAdd;
    }

    /** An active user is selected and another role chosen. */
    public BooleanBinding canChangeRole() {
        return canChangeRole;
    }

    /** An active user is selected and a new password typed. */
    public BooleanBinding canResetPassword() {
        return canResetPassword;
    }

    /** An active user is selected. */
    public BooleanBinding canRemove() {
        return canRemove;
    }

    /** A token name is given and the principal may create tokens. */
    public BooleanBinding canCreateToken() {
        return canCreateToken;
    }

    /** A token that still works is selected. */
    public BooleanBinding canRevoke() {
        return canRevoke;
    }

    /** Reads the users and tokens again now. */
    public void refresh() {
        background.run(reading(), this::show, this::unavailable);
    }

    /** The work of reading the users and tokens, to run off the FX thread, e.g. periodically. */
    public Callable<UsersReading> reading() {
        return state::read;
    }

    /** Shows {@code reading}, keeping the selections on the user and token of the same names. */
    public void show(UsersReading reading) {
        String keepUser = selectedUser.get() == null ? null : selectedUser.get().account().name();
        String keepToken = selectedToken.get() == null ? null : selectedToken.get().token().name();
        // A table unselects while its items are replaced; the form must not follow that passing change.
        showing = true;
        try {
            users.setAll(reading.users().stream().map(u -> new UserRow(u, zone)).toList());
            tokens.setAll(reading.tokens().stream().map(t -> new TokenRow(t, zone)).toList());
            selectedUser.set(users.stream().filter(r -> r.account().name().equals(keepUser)).findFirst().orElse(null));
            selectedToken.set(tokens.stream().filter(r -> r.token().name().equals(keepToken)).findFirst().orElse(null));
        } finally {
            showing = false;
        }
        formFollows(selectedUser.get());
        listed.set(reading.listed());
        manages.set(reading.manages());
        notice.set(notice(reading));
        problem.cleared();
    }

    /** Records why the list could not be read; reported once, not on every periodic attempt that fails the same way. */
    public void unavailable(Throwable failure) {
        problem.failed(failure);
    }

    /** Adds the user of the form, as {@code kaf-mirror users add}; the form is emptied once it is added. */
    public void add() {
        String name = newName.get().strip();
        Role role = newRole.get();
        char[] password = confirmed(newPassword);
        if (password != null) {
            change(() -> state.add(name, role, password), () -> {
                newName.set("");
                newPassword.clear();
            });
        }
    }

    /** Gives the selected user the chosen role, as {@code kaf-mirror users role}. */
    public void changeRole() {
        String name = selectedName();
        Role role = userRole.get();
        change(() -> state.changeRole(name, role), () -> { });
    }

    /** Sets the selected user's password to the one typed twice, as {@code kaf-mirror users passwd}. */
    public void resetPassword() {
        String name = selectedName();
        char[] password = confirmed(passwordReset);
        if (password != null) {
            change(() -> state.changePassword(name, password), passwordReset::clear);
        }
    }

    /** Removes the selected user, as {@code kaf-mirror users remove}. */
    public void remove() {
        String name = selectedName();
        change(() -> state.remove(name), () -> { });
    }

    /** Creates the token of the form, as {@code kaf-mirror users token create}, and holds its secret until dismissed. */
    public void createToken() {
        String name = tokenName.get().strip();
        Role role = tokenRole.get();
        Duration validity;
        try {
            validity = tokenValidity.get().isBlank() ? null : DurationText.parse(tokenValidity.get().strip());
        } catch (IllegalArgumentException e) {
            errors.accept(new IllegalArgumentException("The token's validity: " + e.getMessage()
                    + " Leave it empty for a token that works until revoked.", e));
            return;
        }
        busy.set(true);
        background.run(() -> state.createToken(name, role, validity), issued -> {
            busy.set(false);
            issued(name, issued);
            tokenName.set("");
            tokenValidity.set("");
            refresh();
        }, this::failed);
    }

    /** Revokes the selected token, as {@code kaf-mirror users token revoke}. */
    public void revokeToken() {
        TokenRow row = selectedToken.get();
        if (row != null) {
            String name = row.token().name();
            change(() -> state.revokeToken(name), () -> { });
        }
    }

    /** Forgets the shown secret: it cannot be shown again. */
    public void dismissSecret() {
        issuedSecret.set("");
        issuedNote.set("");
    }

    private void issued(String name, IssuedSecret issued) {
        issuedNote.set("The " + issued.principal().role().label() + " token '" + name + "' works "
                + (issued.expires() == null ? "until revoked" : "until " + UserRow.local(issued.expires(), "", zone))
                + ". Copy its secret now: it is shown only this once.");
        issuedSecret.set(issued.secret());
    }

    // Only another user sets the role choice and empties the passwords: a periodic read must not undo what the admin types.
    private void formFollows(UserRow row) {
        String name = row == null ? null : row.account().name();
        if (!Objects.equals(name, formFor)) {
            formFor = name;
            userRole.set(row == null ? null : row.account().role());
            passwordReset.clear();
        }
    }

    private String selectedName() {
        return selectedUser.get() == null ? null : selectedUser.get().account().name();
    }

    private char[] confirmed(PasswordTwice password) {
        try {
            return password.confirmed();
        } catch (IllegalArgumentException e) {
            errors.accept(e);
            return null;
        }
    }

    private void change(Runnable work, Runnable done) {
        busy.set(true);
        background.run(() -> {
            work.run();
            return state.read();
        }, reading -> {
            busy.set(false);
            done.run();
            show(reading);
        }, this::failed);
    }

    private void failed(Throwable failure) {
        busy.set(false);
        errors.accept(failure);
        refresh();
    }

    private static String notice(UsersReading reading) {
        Principal who = reading.principal();
        if (!reading.claimed()) {
            return "This data folder has no users yet: nobody logs in, and the console and the CLI act as the operating-system"
                    + " user '" + who.name() + "' with admin rights. To create the first administrator, choose File › Create"
                    + " administrator… (or run 'kaf-mirror users init' in a terminal); from then on everyone logs in, and an"
                    + " admin manages the users and tokens here.";
        }
        if (!reading.listed()) {
            return "Only an admin can manage users and API tokens; the console acts as " + who.describe() + ".";
        }
        return "";
    }
}
