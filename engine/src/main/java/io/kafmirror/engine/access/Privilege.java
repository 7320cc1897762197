package io.kafmirror.engine.access;

/**
 * The operations that are not state changes of their own: reading, anchoring and running. Exporting evidence and running
 * drills are checked as their audit actions ({@code AuditAction.EVIDENCE_EXPORT}, {@code AuditAction.DRILL_RUN}).
 */
public enum Privilege implements Operation {
    /** Reading jobs, their history, metrics, alerts, restores and drills. */
    READ_STATE("state.read", "read jobs, alerts and history"),
    /** Listing and verifying the audit log. */
    READ_AUDIT("audit.read", "read or verify the audit log"),
    /** Writing the audit log's head into the stores as an anchor. */
    ANCHOR_AUDIT("audit.anchor", "anchor the audit log"),
    /** Running the engine ({@code kaf-mirror run}, the demo). */
    RUN_ENGINE("engine.run", "run the engine"),
    /** Listing users and tokens. */
    READ_USERS("user.list", "list users and tokens");

    private final String code;
    private final String what;

    Privilege(String code, String what) {
        this.code = code;
        this.what = what;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String what() {
        return what;
    }
}
