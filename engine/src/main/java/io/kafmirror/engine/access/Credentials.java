package io.kafmirror.engine.access;

/**
 * What a program presents when it opens a state database: nothing (acts as the operating-system user while the data
 * folder has no users, else as nobody until it logs in), or the secret of an API token or a login session.
 *
 * @param token the token's secret, or {@code null} for none
 */
public record Credentials(String token) {

    /** No credentials. */
    public static Credentials none() {
        return new Credentials(null);
    }

    /** The API token or session token {@code token}. */
    public static Credentials token(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("The token is empty: give the secret 'kaf-mirror users token create' showed.");
        }
        return new Credentials(token.strip());
    }

    /** Whether a token is given. */
    public boolean present() {
        return token != null;
    }

    @Override
    public String toString() {
        return present() ? "Credentials[token=[redacted]]" : "Credentials[none]";
    }
}
