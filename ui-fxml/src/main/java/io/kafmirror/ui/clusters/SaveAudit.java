package io.kafmirror.ui.clusters;

import io.kafmirror.engine.state.AuditAction;
import io.kafmirror.engine.state.AuditOutcome;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.ui.ConsoleLogin;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends each save of the Clusters screen to the audit log of the state database in the data folder, as the console,
 * on a background thread: the file is written on the FX thread, the database is opened off it.
 */
final class SaveAudit {

    private static final Logger LOG = LoggerFactory.getLogger(SaveAudit.class);

    private final Path dataDir;
    private final Executor executor;

    SaveAudit(Path dataDir, Executor executor) {
        this.dataDir = dataDir;
        this.executor = executor;
    }

    /** Records that saving {@code file} with {@code parameters} ended as {@code outcome} ({@code reason}: why not OK). */
    void saved(Path file, Map<String, Object> parameters, AuditOutcome outcome, String reason) {
        executor.execute(() -> {
            try (StateDatabase state = ConsoleLogin.of(dataDir).open()) {
                state.audit().append(AuditAction.CONFIG_SAVE, file.toString(), parameters, outcome, reason);
            } catch (RuntimeException e) {
                LOG.error("The save of {} ({}) is not in the audit log: {}", file, outcome, e.getMessage(), e);
            }
        });
    }
}
