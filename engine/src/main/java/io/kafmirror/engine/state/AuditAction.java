package io.kafmirror.engine.state;

import io.kafmirror.engine.access.Operation;
import java.util.Arrays;
import java.util.Optional;

/** The state-changing actions the audit log records, each under a stable code such as {@code job.pause}. */
public enum AuditAction implements Operation {
    /** A job was added; the parameters hold its configuration. */
    JOB_ADD("job.add", "add jobs"),
    /** A job's configuration was replaced; the parameters hold the new one. */
    JOB_UPDATE("job.update", "change jobs"),
    /** A job's desired state was set to paused. */
    JOB_PAUSE("job.pause", "pause jobs"),
    /** A job's desired state was set to running. */
    JOB_RESUME("job.resume", "resume jobs"),
    /** A job's desired state was set to stopped. */
    JOB_STOP("job.stop", "stop jobs"),
    /** A job was removed. */
    JOB_REMOVE("job.remove", "remove jobs"),
    /** The engine raised an anomaly as an alert; the parameters hold its type, severity, topic, partition and sentence. */
    ALERT_RAISE("alert.raise", "raise alerts"),
    /** An alert was acknowledged. */
    ALERT_ACKNOWLEDGE("alert.acknowledge", "acknowledge alerts"),
    /** A job's alerts of a type were muted. */
    ALERT_MUTE("alert.mute", "mute alerts"),
    /** Mutes of a job's alerts of a type were ended. */
    ALERT_UNMUTE("alert.unmute", "unmute alerts"),
    /** A restore started writing into its target. */
    RESTORE_START("restore.start", "start restores"),
    /** A restore ended: completed, cancelled or failed. */
    RESTORE_FINISH("restore.finish", "finish restores"),
    /** A restore's target was read back and compared with its plan. */
    RESTORE_VERIFY("restore.verify", "verify restores"),
    /** The clusters and stores of the configuration file were saved (the console's Clusters screen). */
    CONFIG_SAVE("config.save", "change clusters and stores"),
    /** A store's catalog was rebuilt from the store. */
    STORE_REBUILD_CATALOG("store.rebuild-catalog", "rebuild catalogs"),
    /** A user was added; the parameters hold the role (never the password). */
    USER_ADD("user.add", "add users"),
    /** A user was removed: it can no longer log in, and its name is not given again. */
    USER_REMOVE("user.remove", "remove users"),
    /** A user's role was changed; the parameters hold the new one. */
    USER_ROLE("user.role", "change roles"),
    /** A user's password was set (the password is not recorded). */
    USER_PASSWORD("user.password", "set passwords"),
    /** An API token was created; the parameters hold its role and expiry (never its secret). */
    TOKEN_CREATE("token.create", "create tokens"),
    /** An API token was revoked. */
    TOKEN_REVOKE("token.revoke", "revoke tokens"),
    /** Someone logged in, with a password or a token, or was refused. */
    LOGIN("user.login", "log in"),
    /** A login session was ended. */
    LOGOUT("user.logout", "log out"),
    /** A restore drill ended; the parameters hold its job, mode, topics and result, a failed one its finding as reason. */
    DRILL_RUN("drill.run", "run restore drills"),
    /** An evidence pack was written; the parameters hold its period, stores, file name and the manifest's SHA-256. */
    EVIDENCE_EXPORT("evidence.export", "export evidence");

    private final String code;
    private final String what;

    AuditAction(String code, String what) {
        this.code = code;
        this.what = what;
    }

    /** The code stored and hashed, e.g. {@code job.pause}. */
    @Override
    public String code() {
        return code;
    }

    @Override
    public String what() {
        return what;
    }

    /** The action of {@code code}, if there is one. */
    public static Optional<AuditAction> of(String code) {
        return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
    }
}
