package io.kafmirror.engine.state;

import java.time.Instant;

/**
 * Which audit entries to read, oldest first: between two instants (both included), of one actor or all, of one action
 * or all, at most {@code limit} of them.
 *
 * @param from   the earliest time included
 * @param to     the latest time included
 * @param actor  the actor wanted, or {@code null} for all
 * @param action the action code wanted (e.g. {@code job.pause}), or {@code null} for all
 * @param limit  how many entries at most
 */
public record AuditFilter(Instant from, Instant to, String actor, String action, int limit) {

    /** The default {@link #limit}. */
    public static final int DEFAULT_LIMIT = 10_000;

    /** Checks the range and limit. */
    public AuditFilter {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("The audit range starts at " + from + ", after its end " + to + ": swap them");
        }
        if (limit <= 0) {
            throw new IllegalArgumentException("An audit limit must be positive, not " + limit);
        }
    }

    /** The first {@value #DEFAULT_LIMIT} entries. */
    public static AuditFilter all() {
        return new AuditFilter(Instant.EPOCH, Instant.ofEpochMilli(Long.MAX_VALUE), null, null, DEFAULT_LIMIT);
    }

    /** This filter for entries from {@code from} to {@code to}, both included. */
    public AuditFilter between(Instant from, Instant to) {
        return new AuditFilter(from, to, actor, action, limit);
    }

    /** This filter for {@code actor}'s entries only. */
    public AuditFilter byActor(String actor) {
        return new AuditFilter(from, to, actor, action, limit);
    }

    /** This filter for entries of the action {@code code} only. */
    public AuditFilter ofAction(String code) {
        return new AuditFilter(from, to, actor, code, limit);
    }
}
