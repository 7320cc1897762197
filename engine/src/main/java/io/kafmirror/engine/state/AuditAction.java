package io.kafmirror.engine.state;

import java.util.Arrays;
import java.util.Optional;

/** The state-changing actions the audit log records, each under a stable code such as {@code job.pause}. */
public enum AuditAction {
    /** A job was added; the parameters hold its configuration. */
    JOB_ADD("job.add"),
    /** A job's configuration was replaced; the parameters hold the new one. */
    JOB_UPDATE("job.update"),
    /** A job's desired state was set to paused. */
    JOB_PAUSE("job.pause"),
    /** A job's desired state was set to running. */
    JOB_RESUME("job.resume"),
    /** A job's desired state was set to stopped. */
    JOB_STOP("job.stop"),
    /** A job was removed. */
    JOB_REMOVE("job.remove"),
    /** The engine raised an anomaly as an alert; the parameters hold its type, severity, topic, partition and sentence. */
    ALERT_RAISE("alert.raise"),
    /** An alert was acknowledged. */
    ALERT_ACKNOWLEDGE("alert.acknowledge"),
    /** A job's alerts of a type were muted. */
    ALERT_MUTE("alert.mute"),
    /** Mutes of a job's alerts of a type were ended. */
    ALERT_UNMUTE("alert.unmute"),
    /** A restore started writing into its target. */
    RESTORE_START("restore.start"),
    /** A restore ended: completed, cancelled or failed. */
    RESTORE_FINISH("restore.finish"),
    /** A restore's target was read back and compared with its plan. */
    RESTORE_VERIFY("restore.verify"),
    /** The clusters and stores of the configuration file were saved (the console's Clusters screen). */
    CONFIG_SAVE("config.save"),
    /** A store's catalog was rebuilt from the store. */
    STORE_REBUILD_CATALOG("store.rebuild-catalog"),
    /** A restore drill ended; the parameters hold its job, mode, topics and result, a failed one its finding as reason. */
    DRILL_RUN("drill.run"),
    /** An evidence pack was written; the parameters hold its period, stores, file name and the manifest's SHA-256. */
    EVIDENCE_EXPORT("evidence.export");

    private final String code;

    AuditAction(String code) {
        this.code = code;
    }

    /** The code stored and hashed, e.g. {@code job.pause}. */
    public String code() {
        return code;
    }

    /** The action of {@code code}, if there is one. */
    public static Optional<AuditAction> of(String code) {
        return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
    }
}
