package io.kafmirror.engine.access;

/**
 * Something a principal may or may not do: a state change (the audit log's {@code AuditAction}) or a {@link Privilege}.
 * Its code names it in the audit log, also when it is refused.
 */
public interface Operation {

    /** The stable code the audit log stores, e.g. {@code job.pause}. */
    String code();

    /** What it does, to complete "may not ...", e.g. {@code pause jobs}. */
    String what();
}
