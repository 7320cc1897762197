package io.kafmirror.engine.access;

/**
 * Who acts on a state database: a logged-in user, an API token, the operating-system user of a data folder nobody has
 * claimed yet (with admin rights), or nobody (not logged in to a claimed folder: may only log in).
 *
 * @param name the user's, token's or operating-system account's name
 * @param role what it may do; {@code null} when not logged in
 * @param kind how it was authenticated
 */
public record Principal(String name, Role role, Kind kind) {

    /** How a principal was authenticated. */
    public enum Kind {
        /** A user, by password (a login session). */
        USER,
        /** An API token. */
        TOKEN,
        /** The operating-system account, in a data folder without users. */
        UNCLAIMED,
        /** Nobody: the data folder has users and none logged in. */
        ANONYMOUS
    }

    /** The operating-system account as admin of a data folder without users. */
    public static Principal unclaimed() {
        return new Principal(osUser(), Role.ADMIN, Kind.UNCLAIMED);
    }

    /** Nobody logged in to a claimed data folder. */
    public static Principal anonymous() {
        return new Principal(osUser(), null, Kind.ANONYMOUS);
    }

    /** The name the audit log records as actor: a token's is {@code token:NAME}, nobody's {@code os:ACCOUNT}. */
    public String actor() {
        return switch (kind) {
            case USER, UNCLAIMED -> name;
            case TOKEN -> clip("token:" + name);
            case ANONYMOUS -> clip("os:" + name);
        };
    }

    /** How messages name it, e.g. {@code user 'bob' (monitor)}. */
    public String describe() {
        return switch (kind) {
            case USER -> "user '" + name + "' (" + role.label() + ")";
            case TOKEN -> "token '" + name + "' (" + role.label() + ")";
            case UNCLAIMED -> "'" + name + "' (admin of a data folder without users)";
            case ANONYMOUS -> "nobody logged in";
        };
    }

    private static String osUser() {
        return clip(System.getProperty("user.name", "unknown"));
    }

    private static String clip(String name) {
        return name.length() > 64 ? name.substring(0, 64) : name;
    }
}
