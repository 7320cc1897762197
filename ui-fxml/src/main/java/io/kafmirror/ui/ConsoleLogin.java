package io.kafmirror.ui;

import io.kafmirror.engine.access.Credentials;
import io.kafmirror.engine.access.Principal;
import io.kafmirror.engine.state.IssuedSecret;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.engine.state.Users;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who the console acts as in a data folder: the session of the user who logged in at its start, kept in memory only,
 * or nobody's credentials (the operating-system user while the folder has no users). Every state database the console
 * opens is opened here. One per data folder and process, because screens are handed only the folder.
 */
public final class ConsoleLogin {

    private static final Map<Path, ConsoleLogin> BY_FOLDER = new ConcurrentHashMap<>();

    private final Path dataDir;
    private volatile Credentials credentials = Credentials.none();

    private ConsoleLogin(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** The console's login in {@code dataDir}. */
    public static ConsoleLogin of(Path dataDir) {
        return BY_FOLDER.computeIfAbsent(dataDir.toAbsolutePath().normalize(), ConsoleLogin::new);
    }

    /** Opens the state database as the logged-in user; blocks on H2, so off the FX thread. */
    public StateDatabase open() {
        return StateDatabase.open(dataDir, ConsoleState.ACTOR, credentials);
    }

    /** Who acts when nobody logged in: the operating-system user as admin, or nobody in a claimed folder. Blocks on H2. */
    public Principal withoutLogin() {
        try (StateDatabase state = StateDatabase.open(dataDir, ConsoleState.ACTOR)) {
            return state.principal();
        }
    }

    /**
     * Logs {@code user} in with {@code password} (an Argon2 check: off the FX thread); the console then acts as that
     * user. A wrong name or password throws the engine's {@link io.kafmirror.engine.access.AuthenticationException}.
     */
    public Principal logIn(String user, char[] password) {
        try (StateDatabase state = StateDatabase.open(dataDir, ConsoleState.ACTOR)) {
            IssuedSecret session = state.users().login(user, password, Users.SESSION);
            credentials = Credentials.token(session.secret());
            return session.principal();
        }
    }
}
