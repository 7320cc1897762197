package io.kafmirror.ui.clusters;

import io.kafmirror.engine.state.AuditAction;
import io.kafmirror.engine.state.AuditOutcome;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.ui.ConsoleLogin;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends each save of the Clusters screen to the audit log of the state database in the data folder, as the console's
 * user; blocks on H2, so it is called from the save's background work.
 */
final class SaveAudit {

    private static final Logger LOG = LoggerFactory.getLogger(SaveAudit.class);

    private final Path dataDir;

    SaveAudit(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** Records that saving {@code file} with {@code parameters} ended as {@code outcome} ({@code reason}: why not OK). */
    void saved(Path file, Map<String, Object> parameters, AuditOutcome outcome, String reason) {
        try (StateDatabase state = ConsoleLogin.of(dataDir).open()) {
            state.audit().append(AuditAction.CONFIG_SAVE, file.toString(), parameters, outcome, reason);
        } catch (RuntimeException e) {
            LOG.error("The save of {} ({}) is not in the audit log: {}", file, outcome, e.getMessage(), e);
        }
    }
}
