package io.kafmirror.ui;

import io.kafmirror.engine.state.StateDatabase;
import java.nio.file.Path;

/**
 * The state database shared with the CLI and {@code kaf-mirror run}, as the console holds it: opened as actor
 * {@value #ACTOR}, as the user of {@link ConsoleLogin}, on first use and closed when the screen using it is left, so H2
 * is only held while it is needed.
 * Not thread-safe: its owner calls it under its own lock, off the FX thread.
 */
public final class ConsoleState implements AutoCloseable {

    /** The actor the console's changes are recorded under in the jobs' history. */
    public static final String ACTOR = "console";

    private final Path dataDir;
    private StateDatabase database;

    /** The state database in {@code dataDir}, not opened yet. */
    public ConsoleState(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** The database, opened now when it is not open. */
    public StateDatabase get() {
        if (database == null) {
            database = ConsoleLogin.of(dataDir).open();
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
