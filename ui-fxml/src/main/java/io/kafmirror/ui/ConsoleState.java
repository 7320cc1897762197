package io.kafmirror.ui;

import io.kafmirror.engine.access.Credentials;
import io.kafmirror.engine.state.StateDatabase;
import java.nio.file.Path;

/**
 * The state database shared with the CLI and {@code kaf-mirror run}, as the console holds it: opened as actor
 * {@value #ACTOR}, as the user of {@link ConsoleLogin}, on first use and closed when the screen using it is left, so H2
 * is only held while it is needed. Each use checks the login again, so a session that expired or was ended meanwhile is
 * refused, and a database opened before someone logged in or out is opened again as them.
 * Not thread-safe: its owner calls it under its own lock, off the FX thread.
 */
public final class ConsoleState implements AutoCloseable {

    /** The actor the console's changes are recorded under in the jobs' history. */
    public static final String ACTOR = "console";

    private final Path dataDir;
    private StateDatabase database;
    private Credentials openedWith;

    /** The state database in {@code dataDir}, not opened yet. */
    public ConsoleState(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** The database, opened now when it is not open or the login changed; a refused session throws the engine's refusal. */
    public StateDatabase get() {
        ConsoleLogin login = ConsoleLogin.of(dataDir);
        try {
            if (database != null && !login.stillActs(database, openedWith)) {
                close();
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        if (database == null) {
            Credentials using = login.credentials();
            database = login.open(using);
            openedWith = using;
        }
        return database;
    }

    /** Closes the database; the next {@link #get} opens it again. */
    @Override
    public void close() {
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
