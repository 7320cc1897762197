package io.kafmirror.engine.restore;

import io.kafmirror.engine.state.AuditAction;
import io.kafmirror.engine.state.AuditLog;
import io.kafmirror.engine.state.AuditOutcome;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit entries of a restore into a file ({@link RestoreToFile}), as a restore into a cluster has them:
 * {@code restore.start} when it begins, {@code restore.finish} when it ends (completed, cancelled or failed). Both name
 * the topic and the file; there is no restore number, because a file restore is not kept to be resumed.
 */
public final class FileRestoreAudit {

    private final AuditLog audit;
    private final String target;
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /** The entries of restoring {@code plan}, read from the store {@code store} at {@code point}, into {@code file}. */
    public FileRestoreAudit(AuditLog audit, RestorePlan plan, String store, String point, Path file) {
        this.audit = audit;
        Path absolute = file.toAbsolutePath().normalize();
        RestoreRequest request = plan.request();
        this.target = "restore of " + request.topic() + " to " + absolute;
        parameters.put("source_cluster", request.cluster());
        parameters.put("store", store);
        parameters.put("topic", request.topic());
        parameters.put("restore_point", point);
        parameters.put("from", request.from());
        parameters.put("file", absolute.toString());
        parameters.put("planned_records", plan.records());
    }

    /** Appends that the restore begins; refused, audited, when the principal's role may not restore. */
    public void started() {
        audit.append(AuditAction.RESTORE_START, target, parameters, AuditOutcome.OK, null);
    }

    /** Appends how the restore ended: completed with the records and bytes written, or cancelled with nothing written. */
    public void ended(RestoreFileOutcome outcome) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("state", outcome.completed() ? "completed" : "cancelled");
        result.put("restored_records", outcome.records());
        result.put("bytes", outcome.bytes());
        audit.append(AuditAction.RESTORE_FINISH, target, result, AuditOutcome.OK, null);
    }

    /** Appends that the restore did not complete because of {@code failure}: refused (e.g. the file exists) or failed. */
    public void failed(RuntimeException failure) {
        audit.appendFailure(AuditAction.RESTORE_FINISH, target, Map.of("state", "failed"), failure);
    }
}
