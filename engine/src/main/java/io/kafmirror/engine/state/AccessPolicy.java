package io.kafmirror.engine.state;

import static io.kafmirror.engine.access.Role.ADMIN;
import static io.kafmirror.engine.access.Role.COMPLIANCE;
import static io.kafmirror.engine.access.Role.MONITOR;
import static io.kafmirror.engine.access.Role.OPERATOR;

import io.kafmirror.engine.access.AccessDeniedException;
import io.kafmirror.engine.access.Operation;
import io.kafmirror.engine.access.Principal;
import io.kafmirror.engine.access.Privilege;
import io.kafmirror.engine.access.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which roles may do what: the one table of kaf-mirror's permissions, checked at the audit log's seam for every state
 * change and at the engine's entry points for reading, exporting and running. Logging in and out is open to anyone.
 */
public final class AccessPolicy {

    private static final Set<Role> ALL = EnumSet.allOf(Role.class);
    private static final Set<Role> OPERATE = EnumSet.of(ADMIN, OPERATOR);
    private static final Set<Role> ADMINISTER = EnumSet.of(ADMIN);
    private static final Set<Role> AUDIT = EnumSet.of(ADMIN, COMPLIANCE);
    private static final Set<Role> ANCHOR = EnumSet.of(ADMIN, OPERATOR, COMPLIANCE);

    private static final Map<Operation, Set<Role>> TABLE = Map.ofEntries(
            Map.entry(AuditAction.JOB_ADD, OPERATE),
            Map.entry(AuditAction.JOB_UPDATE, OPERATE),
            Map.entry(AuditAction.JOB_PAUSE, OPERATE),
            Map.entry(AuditAction.JOB_RESUME, OPERATE),
            Map.entry(AuditAction.JOB_STOP, OPERATE),
            Map.entry(AuditAction.JOB_REMOVE, OPERATE),
            // Raised by the engine of whoever runs it: an operator's service token.
            Map.entry(AuditAction.ALERT_RAISE, OPERATE),
            Map.entry(AuditAction.ALERT_ACKNOWLEDGE, OPERATE),
            Map.entry(AuditAction.ALERT_MUTE, OPERATE),
            Map.entry(AuditAction.ALERT_UNMUTE, OPERATE),
            Map.entry(AuditAction.RESTORE_START, OPERATE),
            Map.entry(AuditAction.RESTORE_FINISH, OPERATE),
            Map.entry(AuditAction.RESTORE_VERIFY, OPERATE),
            Map.entry(AuditAction.CONFIG_SAVE, ADMINISTER),
            Map.entry(AuditAction.STORE_REBUILD_CATALOG, OPERATE),
            Map.entry(AuditAction.USER_ADD, ADMINISTER),
            Map.entry(AuditAction.USER_REMOVE, ADMINISTER),
            Map.entry(AuditAction.USER_ROLE, ADMINISTER),
            Map.entry(AuditAction.USER_PASSWORD, ADMINISTER),
            Map.entry(AuditAction.TOKEN_CREATE, ADMINISTER),
            Map.entry(AuditAction.TOKEN_REVOKE, ADMINISTER),
            Map.entry(AuditAction.DRILL_RUN, OPERATE),
            Map.entry(AuditAction.EVIDENCE_EXPORT, AUDIT),
            Map.entry(Privilege.READ_STATE, ALL),
            Map.entry(Privilege.READ_AUDIT, AUDIT),
            Map.entry(Privilege.ANCHOR_AUDIT, ANCHOR),
            Map.entry(Privilege.RUN_ENGINE, OPERATE),
            Map.entry(Privilege.READ_USERS, ADMINISTER));

    private static final Set<Operation> OPEN = Set.of(AuditAction.LOGIN, AuditAction.LOGOUT);

    private AccessPolicy() {
    }

    /** The roles that may do {@code operation}. */
    public static Set<Role> roles(Operation operation) {
        if (OPEN.contains(operation)) {
            return ALL;
        }
        Set<Role> roles = TABLE.get(operation);
        if (roles == null) {
            throw new IllegalStateException("The access policy has no row for " + operation.code() + "; add it to AccessPolicy");
        }
        return roles;
    }

    /** Whether {@code principal} may do {@code operation}. */
    public static boolean allows(Principal principal, Operation operation) {
        return OPEN.contains(operation) || principal.role() != null && roles(operation).contains(principal.role());
    }

    /** The refusal of {@code operation} to {@code principal}: who, what, and whom to ask. */
    static AccessDeniedException denial(Principal principal, Operation operation) {
        if (principal.role() == null) {
            return new AccessDeniedException("Not logged in: this data folder has users, so you must log in to " + operation.what()
                    + ". Run 'kaf-mirror login', or give a token with --token-file or KAF_MIRROR_TOKEN.");
        }
        List<String> whom = roles(operation).stream().map(Role::label).toList();
        String list = whom.size() == 1 ? whom.get(0)
                : String.join(", ", whom.subList(0, whom.size() - 1)) + " or " + whom.get(whom.size() - 1);
        return new AccessDeniedException(principal.describe() + " may not " + operation.what() + "; ask an " + list + ".");
    }
}
