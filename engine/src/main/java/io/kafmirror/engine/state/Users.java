package io.kafmirror.engine.state;

import io.kafmirror.engine.access.AccessToken;
import io.kafmirror.engine.access.AuthenticationException;
import io.kafmirror.engine.access.PasswordHash;
import io.kafmirror.engine.access.Principal;
import io.kafmirror.engine.access.Privilege;
import io.kafmirror.engine.access.Role;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The local users of a data folder, their API tokens and login sessions ({@code app_user}, {@code access_token}). While
 * there is no user the folder is unclaimed and programs act as the operating-system user with admin rights; the first
 * admin ({@link #init}) claims it. Every change is audited, never with a password or a token's secret.
 */
public final class Users {

    /** How long a login session lasts unless asked otherwise. */
    public static final Duration SESSION = Duration.ofHours(12);

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final String API = "API";
    private static final String SESSION_KIND = "SESSION";
    private static final String WRONG = "wrong user name or password";
    // A password login opens a session, so the newest session is the last login.
    private static final String ACCOUNT = "SELECT u.name, u.role, u.created_at, u.created_by, u.disabled_at, (SELECT MAX(t.created_at)"
            + " FROM access_token t WHERE t.kind = '" + SESSION_KIND + "' AND t.name = u.name) FROM app_user u";

    private final StateConnection db;
    private final AuditLog audit;
    private final Path file;
    private final Clock clock;

    Users(StateConnection db, AuditLog audit, Path file, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.file = file;
        this.clock = clock;
    }

    /** Whether the data folder has a user, so that every program must log in or present a token. */
    public boolean claimed() {
        return db.query("SELECT COUNT(*) FROM app_user WHERE disabled_at IS NULL", rs -> rs.getInt(1)).get(0) > 0;
    }

    /** Creates the first admin, claiming the data folder; refused once it has a user. */
    public UserAccount init(String name, char[] password) {
        return audit.record(AuditAction.USER_ADD, name, Map.of("role", Role.ADMIN.label(), "first", true), () -> {
            if (claimed()) {
                throw new IllegalStateException("The data folder is already claimed: it has users. An admin adds more with"
                        + " 'kaf-mirror users add'.");
            }
            return insert(name, password, Role.ADMIN);
        });
    }

    /** Adds the user {@code name} with {@code role}. */
    public UserAccount add(String name, char[] password, Role role) {
        return audit.record(AuditAction.USER_ADD, name, Map.of("role", role.label()), () -> insert(name, password, role));
    }

    /** Every user, removed ones too, by name. */
    public List<UserAccount> list() {
        audit.authorize(Privilege.READ_USERS, "users", Map.of());
        return db.query(ACCOUNT + " ORDER BY u.name", Users::account);
    }

    /** Removes {@code name}: it can no longer log in, its sessions end, and its name is not given again. */
    public void remove(String name) {
        audit.record(AuditAction.USER_REMOVE, name, Map.of(), () -> {
            UserAccount account = active(name);
            keepAnAdmin(account, null);
            long now = clock.millis();
            db.update("UPDATE app_user SET disabled_at = ? WHERE name = ?", now, name);
            endSessions(name, now);
        });
    }

    /** Gives {@code name} the role {@code role}; takes effect at its next command, sessions included. */
    public void changeRole(String name, Role role) {
        audit.record(AuditAction.USER_ROLE, name, Map.of("role", role.label()), () -> {
            keepAnAdmin(active(name), role);
            db.update("UPDATE app_user SET role = ? WHERE name = ?", role.name(), name);
        });
    }

    /** Sets the password of {@code name}; its sessions end. */
    public void changePassword(String name, char[] password) {
        audit.record(AuditAction.USER_PASSWORD, name, Map.of(), () -> {
            active(name);
            db.update("UPDATE app_user SET password_hash = ? WHERE name = ?", PasswordHash.of(password), name);
            endSessions(name, clock.millis());
        });
    }

    /** Creates the API token {@code name} with {@code role}, valid for {@code validity} or, when {@code null}, until revoked. */
    public IssuedSecret createToken(String name, Role role, Duration validity) {
        Instant expires = validity == null ? null : clock.instant().plus(validity);
        Map<String, Object> parameters = new LinkedHashMap<>(Map.of("role", role.label()));
        parameters.put("expires", expires == null ? "never" : expires.toString());
        return audit.record(AuditAction.TOKEN_CREATE, name, parameters, () -> {
            checkName(name, "token");
            if (!db.query("SELECT 1 FROM access_token WHERE kind = ? AND name = ?", rs -> 1, API, name).isEmpty()) {
                throw new IllegalArgumentException("There is already a token named '" + name + "' (names are not reused, revoked"
                        + " ones included); choose another name.");
            }
            return issue(API, name, role, expires, new Principal(name, role, Principal.Kind.TOKEN));
        });
    }

    /** Revokes the API token {@code name}: it stops working at once. */
    public void revokeToken(String name) {
        audit.record(AuditAction.TOKEN_REVOKE, name, Map.of(), () -> {
            int revoked = db.update("UPDATE access_token SET revoked_at = ? WHERE kind = ? AND name = ? AND revoked_at IS NULL",
                    clock.millis(), API, name);
            if (revoked == 0) {
                throw new IllegalArgumentException("There is no token '" + name + "' to revoke; 'kaf-mirror users token list'"
                        + " lists them.");
            }
        });
    }

    /** Every API token, revoked ones too, by name. */
    public List<ApiToken> tokens() {
        audit.authorize(Privilege.READ_USERS, "tokens", Map.of());
        return db.query("SELECT name, role, created_at, created_by, expires_at, revoked_at FROM access_token WHERE kind = ?"
                + " ORDER BY name", Users::token, API);
    }

    /**
     * Logs {@code name} in with {@code password} for {@code validity}: this database then acts as that user, and the
     * returned session's secret lets other programs do so ({@code kaf-mirror login} stores it). A wrong password and an
     * unknown or removed user are refused alike; both are audited.
     */
    public IssuedSecret login(String name, char[] password, Duration validity) {
        List<Object[]> rows = db.query("SELECT password_hash, role FROM app_user WHERE name = ? AND disabled_at IS NULL",
                rs -> new Object[] {rs.getString(1), Role.valueOf(rs.getString(2))}, name);
        String stored = rows.isEmpty() ? null : (String) rows.get(0)[0];
        if (!PasswordHash.matches(password, stored)) {
            audit.note(AuditAction.LOGIN, "user " + name, Map.of("method", "password"), AuditOutcome.REFUSED, WRONG);
            throw new AuthenticationException("Cannot log in to " + file.getParent() + ": " + WRONG + ".");
        }
        Principal user = new Principal(name, (Role) rows.get(0)[1], Principal.Kind.USER);
        Instant expires = clock.instant().plus(validity);
        return db.computeInTransaction(() -> {
            audit.actAs(user);
            IssuedSecret session = issue(SESSION_KIND, name, null, expires, user);
            audit.note(AuditAction.LOGIN, "user " + name, Map.of("method", "password", "expires", expires.toString()),
                    AuditOutcome.OK, null);
            return session;
        });
    }

    /** Ends the login session {@code secret}; this database then acts as nobody. */
    public void logout(String secret) {
        Principal who = audit.principal();
        int ended = db.update("UPDATE access_token SET revoked_at = ? WHERE secret_sha256 = ? AND kind = ? AND revoked_at IS NULL",
                clock.millis(), AccessToken.digest(secret), SESSION_KIND);
        audit.note(AuditAction.LOGOUT, "user " + who.name(), Map.of(), ended == 1 ? AuditOutcome.OK : AuditOutcome.REFUSED,
                ended == 1 ? null : "the session had already ended");
        audit.actAs(Principal.anonymous());
    }

    /** Acts as whoever presents {@code secret}; a wrong, expired or revoked one is audited and refused, saying which. */
    void authenticate(String secret) {
        List<Object[]> rows = db.query("SELECT kind, name, role, expires_at, revoked_at FROM access_token WHERE secret_sha256 = ?",
                rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), nullableLong(rs, 4), nullableLong(rs, 5)},
                AccessToken.digest(secret));
        if (rows.isEmpty()) {
            throw refuse("unknown token", "token", "This token is not valid for the data folder " + file.getParent() + ": it is"
                    + " mistyped, or from another data folder. Log in with 'kaf-mirror login' or ask an admin for a token.");
        }
        Object[] row = rows.get(0);
        boolean session = SESSION_KIND.equals(row[0]);
        String name = (String) row[1];
        String target = (session ? "user " : "token ") + name;
        String method = session ? "session" : "token";
        String again = session ? "run 'kaf-mirror login' again." : "ask an admin for a new one ('kaf-mirror users token create').";
        if (row[4] != null) {
            throw refuse(target, method, (session ? "The login session of '" + name + "' has ended (logged out, or the password"
                    + " or user changed) at " : "The token '" + name + "' was revoked at ") + Instant.ofEpochMilli((Long) row[4])
                    + "; " + again);
        }
        if (row[3] != null && (Long) row[3] <= clock.millis()) {
            throw refuse(target, method, (session ? "The login session of '" + name + "'" : "The token '" + name + "'")
                    + " expired at " + Instant.ofEpochMilli((Long) row[3]) + "; " + again);
        }
        if (!session) {
            audit.actAs(new Principal(name, Role.valueOf((String) row[2]), Principal.Kind.TOKEN));
            return;
        }
        UserAccount account = find(name);
        if (account == null || account.removed() != null) {
            throw refuse(target, method, "The user '" + name + "' was removed; ask an admin.");
        }
        audit.actAs(new Principal(name, account.role(), Principal.Kind.USER));
    }

    private AuthenticationException refuse(String target, String method, String reason) {
        audit.note(AuditAction.LOGIN, target, Map.of("method", method), AuditOutcome.REFUSED, reason);
        return new AuthenticationException(reason);
    }

    private UserAccount insert(String name, char[] password, Role role) {
        checkName(name, "user");
        UserAccount existing = find(name);
        if (existing != null) {
            throw new IllegalArgumentException("There is already a user '" + name + "'" + (existing.removed() == null ? ""
                    : " (removed at " + existing.removed() + "; names are not reused, so the audit log stays unambiguous)")
                    + "; choose another name.");
        }
        db.update("INSERT INTO app_user (name, password_hash, role, created_at, created_by) VALUES (?, ?, ?, ?, ?)",
                name, PasswordHash.of(password), role.name(), clock.millis(), audit.principal().actor());
        return find(name);
    }

    private IssuedSecret issue(String kind, String name, Role role, Instant expires, Principal principal) {
        String secret = AccessToken.generate(API.equals(kind) ? AccessToken.API_PREFIX : AccessToken.SESSION_PREFIX);
        db.update("INSERT INTO access_token (kind, name, secret_sha256, role, created_at, created_by, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)", kind, name, AccessToken.digest(secret), role == null ? null : role.name(),
                clock.millis(), audit.principal().actor(), expires == null ? null : expires.toEpochMilli());
        return new IssuedSecret(secret, principal, expires);
    }

    private UserAccount active(String name) {
        UserAccount account = find(name);
        if (account == null || account.removed() != null) {
            throw new IllegalArgumentException("There is no user '" + name + "'" + (account == null ? "" : " (removed at "
                    + account.removed() + ")") + "; 'kaf-mirror users list' lists them.");
        }
        return account;
    }

    // A data folder without an admin could never change its users again.
    private void keepAnAdmin(UserAccount account, Role newRole) {
        if (account.role() == Role.ADMIN && newRole != Role.ADMIN && db.query("SELECT COUNT(*) FROM app_user WHERE role = ?"
                + " AND disabled_at IS NULL", rs -> rs.getInt(1), Role.ADMIN.name()).get(0) == 1) {
            throw new IllegalStateException("'" + account.name() + "' is the last admin: add another admin first, or nobody"
                    + " could manage the users any more.");
        }
    }

    private void endSessions(String name, long now) {
        db.update("UPDATE access_token SET revoked_at = ? WHERE kind = ? AND name = ? AND revoked_at IS NULL", now, SESSION_KIND, name);
    }

    private UserAccount find(String name) {
        return db.query(ACCOUNT + " WHERE u.name = ?", Users::account, name)
                .stream().findFirst().orElse(null);
    }

    /** Why {@code name} cannot be a user's name, or empty when it can: what {@link #init} and {@link #add} check. */
    public static Optional<String> userNameProblem(String name) {
        return nameProblem(name, "user");
    }

    private static void checkName(String name, String what) {
        nameProblem(name, what).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    private static Optional<String> nameProblem(String name, String what) {
        return name != null && NAME.matcher(name).matches() ? Optional.empty() : Optional.of("A " + what + " name is 1 to 64"
                + " letters, digits, '.', '_', '@' or '-', starting with a letter or digit, not '" + name + "'.");
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Long millis = nullableLong(rs, column);
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private static UserAccount account(ResultSet rs) throws SQLException {
        return new UserAccount(rs.getString(1), Role.valueOf(rs.getString(2)), instant(rs, 3), rs.getString(4), instant(rs, 5),
                instant(rs, 6));
    }

    private static ApiToken token(ResultSet rs) throws SQLException {
        return new ApiToken(rs.getString(1), Role.valueOf(rs.getString(2)), instant(rs, 3), rs.getString(4), instant(rs, 5),
                instant(rs, 6));
    }
}
