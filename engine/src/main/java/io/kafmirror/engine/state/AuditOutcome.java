package io.kafmirror.engine.state;

/** How an audited action ended. */
public enum AuditOutcome {
    /** It was carried out. */
    OK,
    /** It was refused as asked (a bad name, an unknown job, an alert already acknowledged); nothing changed. */
    REFUSED,
    /** It was tried and failed (a database or store failure, a restore that stopped on an error). */
    FAILED
}
