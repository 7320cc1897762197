package io.kafmirror.ui.users;

import io.kafmirror.engine.access.Role;
import io.kafmirror.engine.state.IssuedSecret;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.engine.state.Users;
import io.kafmirror.ui.ConsoleState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The users and API tokens in the state database shared with the CLI, changed through the same {@link Users} calls as
 * {@code kaf-mirror users add|role|passwd|remove} and {@code users token create|revoke}, which check and audit them.
 * Opened as the console's login on first use. Blocks on H2 (and Argon2 for passwords): call it off the FX thread.
 */
public final class UsersState implements AutoCloseable {

    private final ConsoleState state;

    /** The state database in {@code dataDir}, not opened yet. */
    public UsersState(Path dataDir) {
        this.state = new ConsoleState(dataDir);
    }

    /** Who acts and, if the access policy lets them list them, the users and tokens. */
    public synchronized UsersReading read() {
        StateDatabase db = state.get();
        UsersReading who = new UsersReading(db.principal(), db.users().claimed(), List.of(), List.of());
        // Not asked when refused: a refused listing is audited, and the screen reads every few seconds.
        return who.listed() ? new UsersReading(who.principal(), true, db.users().list(), db.users().tokens()) : who;
    }

    /** Adds {@code name} with {@code role} and {@code password}, as {@code users add}. */
    public synchronized void add(String name, Role role, char[] password) {
        users().add(name, password, role);
    }

    /** Gives {@code name} the role {@code role}, as {@code users role}. */
    public synchronized void changeRole(String name, Role role) {
        users().changeRole(name, role);
    }

    /** Sets the password of {@code name}, as {@code users passwd}. */
    public synchronized void changePassword(String name, char[] password) {
        users().changePassword(name, password);
    }

    /** Removes {@code name}, as {@code users remove}. */
    public synchronized void remove(String name) {
        users().remove(name);
    }

    /** Creates the API token {@code name}, valid for {@code validity} or until revoked when {@code null}, as {@code users token create}. */
    public synchronized IssuedSecret createToken(String name, Role role, Duration validity) {
        return users().createToken(name, role, validity);
    }

    /** Revokes the API token {@code name}, as {@code users token revoke}. */
    public synchronized void revokeToken(String name) {
        users().revokeToken(name);
    }

    private Users users() {
        return state.get().users();
    }

    /** Closes the database; the next call opens it again. */
    @Override
    public synchronized void close() {
        state.close();
    }
}
