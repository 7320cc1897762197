package io.kafmirror.engine.state;

import io.kafmirror.engine.access.AccessDeniedException;
import io.kafmirror.engine.access.Operation;
import io.kafmirror.engine.access.Principal;
import io.kafmirror.engine.access.Privilege;
import io.kafmirror.engine.config.ConfigException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The audit log: every state-changing action, who did it and how it ended, as a hash chain ({@link AuditHash}) in
 * {@code audit_entry}, so that an edited, deleted or reordered entry is found by {@link #verify}.
 *
 * <p>The CLI, the console and {@code kaf-mirror run} append from separate programs to one database. Each append locks
 * the single {@code audit_head} row ({@code SELECT ... FOR UPDATE}) in its transaction, reads the last sequence number
 * and hash from it, inserts the entry and moves the head, and commits: appenders queue on that row lock, in the
 * database, so the chain stays one line whichever program appends. A Java lock could not do this across programs.
 */
public final class AuditLog {

    private static final String COLUMNS = "seq, at, actor, action, target, parameters, outcome, reason, prev_hash, hash";

    private final StateConnection db;
    private final Clock clock;
    // Set once the program logs in or presents a token; every program thread acts for the same principal.
    private volatile Principal principal;

    AuditLog(StateConnection db, Principal principal, Clock clock) {
        this.db = db;
        this.principal = principal;
        this.clock = clock;
    }

    /** Who acts: the actor of every entry this program appends, and whose role every check asks. */
    public Principal principal() {
        return principal;
    }

    void actAs(Principal principal) {
        this.principal = principal;
    }

    /**
     * Checks that the principal's role allows {@code operation} on {@code target}; when it does not, appends the attempt as
     * refused and throws {@link AccessDeniedException}. Call it before a change that takes long or reaches outside the
     * database (a restore's target topic), so nothing is done that the change's own entry would then refuse.
     */
    public void authorize(Operation operation, String target, Map<String, ?> parameters) {
        Principal who = principal;
        if (!AccessPolicy.allows(who, operation)) {
            AccessDeniedException denied = AccessPolicy.denial(who, operation);
            note(operation, target, parameters, AuditOutcome.REFUSED, denied.getMessage());
            throw denied;
        }
    }

    /**
     * Appends what the principal did to {@code target}, with {@code parameters} (secrets redacted) and how it ended, once
     * {@link #authorize} allows it.
     */
    public AuditEntry append(AuditAction action, String target, Map<String, ?> parameters, AuditOutcome outcome, String reason) {
        authorize(action, target, parameters);
        return note(action, target, parameters, outcome, reason);
    }

    // Appends without a check: for refusals and logins, which are recorded whoever (or nobody) acts.
    AuditEntry note(Operation operation, String target, Map<String, ?> parameters, AuditOutcome outcome, String reason) {
        String json = AuditParameters.json(parameters);
        String actor = principal.actor();
        return db.computeInTransaction(() -> {
            AuditHead head = head(" FOR UPDATE");
            long seq = head.seq() + 1;
            long at = clock.millis();
            String hash = AuditHash.of(seq, at, actor, operation.code(), target, json, outcome.name(), reason, head.hash());
            db.update("INSERT INTO audit_entry (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    seq, at, actor, operation.code(), target, json, outcome.name(), reason, head.hash(), hash);
            db.update("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", seq, hash);
            return new AuditEntry(seq, Instant.ofEpochMilli(at), actor, operation.code(), target, json, outcome, reason,
                    head.hash(), hash);
        });
    }

    /**
     * Carries out {@code change} and appends it: as {@link AuditOutcome#OK} in the same transaction, so a change is never
     * stored without its entry; when it throws, as refused (bad input, a state that does not allow it) or failed
     * (anything else) with the message as reason, and the exception is rethrown. Call it outside other transactions,
     * or a refusal's entry is rolled back with them. A principal whose role does not allow it is refused before the
     * change begins ({@link #authorize}).
     */
    public <T> T record(AuditAction action, String target, Map<String, ?> parameters, Supplier<T> change) {
        authorize(action, target, parameters);
        try {
            return db.computeInTransaction(() -> {
                T result = change.get();
                note(action, target, parameters, AuditOutcome.OK, null);
                return result;
            });
        } catch (RuntimeException e) {
            appendFailure(action, target, parameters, e);
            throw e;
        }
    }

    /**
     * Appends that {@code action} did not happen because of {@code failure}: refused (bad input, a state that does not
     * allow it) or failed (anything else), with its message as reason. An entry that cannot be appended is added to
     * {@code failure} as suppressed, so the caller still reports the failure itself. Recorded whoever acts: a refusal is
     * evidence too.
     */
    public void appendFailure(AuditAction action, String target, Map<String, ?> parameters, RuntimeException failure) {
        try {
            note(action, target, parameters, refusal(failure) ? AuditOutcome.REFUSED : AuditOutcome.FAILED, failure.getMessage());
        } catch (RuntimeException notRecorded) {
            failure.addSuppressed(notRecorded);
        }
    }

    /** As {@link #record(AuditAction, String, Map, Supplier)}, for a change that returns nothing. */
    public void record(AuditAction action, String target, Map<String, ?> parameters, Runnable change) {
        record(action, target, parameters, () -> {
            change.run();
            return null;
        });
    }

    /** The entries {@code filter} selects, oldest first. */
    public List<AuditEntry> list(AuditFilter filter) {
        authorize(Privilege.READ_AUDIT, "audit log", Map.of());
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_entry WHERE at BETWEEN ? AND ?");
        List<Object> args = new ArrayList<>(List.of(filter.from().toEpochMilli(), filter.to().toEpochMilli()));
        if (filter.actor() != null) {
            sql.append(" AND actor = ?");
            args.add(filter.actor());
        }
        if (filter.action() != null) {
            sql.append(" AND action = ?");
            args.add(filter.action());
        }
        sql.append(" ORDER BY seq LIMIT ?");
        args.add(filter.limit());
        return db.query(sql.toString(), AuditLog::entry, args.toArray());
    }

    /** The end of the chain, as an anchor records it. */
    public AuditHead head() {
        return head("");
    }

    // The migration creates the row and nothing in kaf-mirror deletes it: without it, the log cannot go on or be checked.
    private AuditHead head(String lock) {
        return db.query("SELECT chain, seq, hash FROM audit_head WHERE id = 1" + lock, AuditLog::head).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("The head of the audit log (table audit_head) is missing from the"
                        + " state database: someone deleted it outside kaf-mirror. Keep the database as it is for the auditor;"
                        + " the entries are still in audit_entry, and 'kaf-mirror audit list' shows them."));
    }

    /**
     * Checks the whole chain, its head and each of {@code anchors} (found in the stores) against it, and says what is
     * wrong, entry by entry.
     */
    public AuditVerification verify(List<AuditAnchor> anchors) {
        authorize(Privilege.READ_AUDIT, "audit log", Map.of());
        return db.computeInTransaction(() -> new AuditVerifier(
                db.query("SELECT " + COLUMNS + " FROM audit_entry ORDER BY seq", AuditLog::entry), head(), anchors).verify());
    }

    // Refused: what the caller asked cannot be done as asked. A database failure is an IllegalStateException with an
    // SQLException cause (StateConnection): that is a failure, not a refusal.
    private static boolean refusal(RuntimeException e) {
        return e instanceof IllegalArgumentException || e instanceof ConfigException || e instanceof AccessDeniedException
                || e instanceof IllegalStateException && !(e.getCause() instanceof SQLException);
    }

    private static AuditHead head(ResultSet rs) throws SQLException {
        return new AuditHead(rs.getString(1), rs.getLong(2), rs.getString(3));
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), AuditOutcome.valueOf(rs.getString(7)), rs.getString(8), rs.getString(9),
                rs.getString(10));
    }
}
