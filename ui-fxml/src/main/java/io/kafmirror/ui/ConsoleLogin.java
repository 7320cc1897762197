package io.kafmirror.ui;

import io.kafmirror.engine.access.AuthenticationException;
import io.kafmirror.engine.access.Credentials;
import io.kafmirror.engine.access.Principal;
import io.kafmirror.engine.state.IssuedSecret;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.engine.state.Users;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who the console acts as in a data folder: the session of the user who logged in, kept in memory only, or nobody's
 * credentials (the operating-system user while the folder has no users). Every state database the console opens is
 * opened here. When the engine refuses the session (it expired after {@link Users#SESSION}, or its password or user
 * changed) or the user logs out, nothing is opened until someone logs in again, and the console is told to ask.
 * One per data folder and process, because screens are handed only the folder.
 */
public final class ConsoleLogin {

    private static final Map<Path, ConsoleLogin> BY_FOLDER = new ConcurrentHashMap<>();

    private final Path dataDir;
    private volatile Credentials credentials = Credentials.none();
    // Opening without credentials would act as nobody in a claimed folder, and every screen's read would be refused, and
    // audited, every few seconds: after a logout or a refused session the console opens nothing until a login.
    private volatile boolean loginNeeded;
    private volatile Runnable whenLoginNeeded = () -> { };

    private ConsoleLogin(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** The console's login in {@code dataDir}. */
    public static ConsoleLogin of(Path dataDir) {
        return BY_FOLDER.computeIfAbsent(dataDir.toAbsolutePath().normalize(), ConsoleLogin::new);
    }

    /** Runs {@code ask} (on the thread that found out) when the session is refused and someone must log in again. */
    public void whenLoginNeeded(Runnable ask) {
        whenLoginNeeded = ask;
    }

    /** Opens the state database as the logged-in user; blocks on H2, so off the FX thread. */
    public StateDatabase open() {
        return open(credentials);
    }

    /** The credentials the console opens databases with now. */
    Credentials credentials() {
        return credentials;
    }

    /** Opens the state database with {@code using}; a refused session makes the console ask for a login. */
    StateDatabase open(Credentials using) {
        if (loginNeeded) {
            throw new AuthenticationException("Nobody is logged in to the console: log in again to carry on.");
        }
        try {
            return StateDatabase.open(dataDir, ConsoleState.ACTOR, using);
        } catch (AuthenticationException e) {
            refused(using);
            throw e;
        }
    }

    /**
     * Whether {@code held}, opened with {@code openedWith}, still acts for the console: not once someone logged in or out
     * since (open it again); its session checked again by the engine, a refusal making the console ask for a login.
     */
    boolean stillActs(StateDatabase held, Credentials openedWith) {
        if (!openedWith.equals(credentials)) {
            return false;
        }
        try {
            held.authenticateAgain();
            return true;
        } catch (AuthenticationException e) {
            refused(openedWith);
            throw e;
        }
    }

    /** Who acts when nobody logged in: the operating-system user as admin, or nobody in a claimed folder. Blocks on H2. */
    public Principal withoutLogin() {
        try (StateDatabase state = StateDatabase.open(dataDir, ConsoleState.ACTOR)) {
            return state.principal();
        }
    }

    /**
     * Logs {@code user} in with {@code password} (an Argon2 check: off the FX thread); the console then acts as that
     * user. A wrong name or password throws the engine's {@link AuthenticationException}.
     */
    public Principal logIn(String user, char[] password) {
        try (StateDatabase state = StateDatabase.open(dataDir, ConsoleState.ACTOR)) {
            return actAs(state.users().login(user, password, Users.SESSION));
        }
    }

    /**
     * Creates the first admin {@code user}, claiming the data folder as {@code kaf-mirror users init} does (audited, under
     * the operating-system user), and logs in as it. Two Argon2 hashes: off the FX thread.
     */
    public Principal claim(String user, char[] password) {
        try (StateDatabase state = StateDatabase.open(dataDir, ConsoleState.ACTOR)) {
            if (state.users().claimed()) {
                throw new IllegalStateException("The data folder " + dataDir + " was claimed meanwhile (it has users now):"
                        + " close the console and start it again to log in.");
            }
            state.users().init(user, password);
            return actAs(state.users().login(user, password, Users.SESSION));
        }
    }

    /**
     * Ends the console's session, audited as {@code kaf-mirror logout} is; nothing opens until someone logs in again.
     * Blocks on H2.
     */
    public void logOut() {
        Credentials ending = credentials;
        loginNeeded = true;
        credentials = Credentials.none();
        if (!ending.present()) {
            return;
        }
        try (StateDatabase state = StateDatabase.open(dataDir, ConsoleState.ACTOR, ending)) {
            state.users().logout(ending.token());
        } catch (AuthenticationException e) {
            // The session had already ended (expired, or its password changed): the engine audited the refusal, and
            // there is nothing left to end.
        }
    }

    private Principal actAs(IssuedSecret session) {
        credentials = Credentials.token(session.secret());
        loginNeeded = false;
        return session.principal();
    }

    // Only the session in use: a refusal of one already replaced by a new login says nothing about the new one.
    private synchronized void refused(Credentials session) {
        if (session.present() && session.equals(credentials)) {
            credentials = Credentials.none();
            loginNeeded = true;
            whenLoginNeeded.run();
        }
    }
}
