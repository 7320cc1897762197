package io.kafmirror.ui.audit;

import io.kafmirror.engine.audit.AuditAnchoring;
import io.kafmirror.engine.config.ConfigLoader;
import io.kafmirror.engine.state.AuditEntry;
import io.kafmirror.engine.state.AuditFilter;
import io.kafmirror.ui.ConsoleState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The audit log in the state database shared with the CLI, read as {@code kaf-mirror audit list} and checked as
 * {@code kaf-mirror audit verify} does, with the anchors of the stores of the configuration file. Opened as actor
 * {@code console} on first use. Blocks on H2 and the stores: call it off the FX thread.
 */
public final class AuditLogState implements AutoCloseable {

    private final ConsoleState state;
    private final Path configFile;

    /** The state database in {@code dataDir}, not opened yet, and the configuration naming the stores that hold anchors. */
    public AuditLogState(Path dataDir, Path configFile) {
        this.state = new ConsoleState(dataDir);
        this.configFile = configFile;
    }

    /** The entries, newest first. */
    public synchronized List<AuditEntry> newestFirst() {
        List<AuditEntry> entries = new ArrayList<>(state.get().audit().list(AuditFilter.all()));
        Collections.reverse(entries);
        return entries;
    }

    /** The chain checked against the anchors in the configured stores; against none when there is no configuration file. */
    public synchronized AuditAnchoring.Checked verify() {
        if (!Files.isRegularFile(configFile)) {
            return new AuditAnchoring.Checked(state.get().audit().verify(List.of()), List.of(), List.of());
        }
        return new AuditAnchoring(new ConfigLoader().load(configFile), state.get(), Clock.systemUTC()).verify();
    }

    /** Closes the database; the next call opens it again. */
    @Override
    public synchronized void close() {
        state.close();
    }
}
