package io.kafmirror.engine.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.Optional;

/**
 * A password or key from the configuration. It never shows itself: {@link #toString()} is {@value #MASK},
 * and Jackson writes the environment reference it was read from (e.g. {@code ${KAFKA_PASS}}), the encrypted
 * value it was read from ({@code enc:v1:…}, see {@link SecretCipher}), or else {@value #MASK}, so a
 * configuration saved, logged or stored in H2 carries no secret in clear. Only {@link #reveal()} gives the
 * value, for the client that needs it.
 *
 * <p>A configuration file that holds {@value #MASK} where a secret belongs was written by kaf-mirror
 * from a clear secret; {@link ConfigLoader} refuses it rather than log in with four asterisks.
 */
public final class Secret {

    /** What is shown and written instead of a secret. */
    public static final String MASK = "****";

    private final String value;
    private final String writtenAs;

    private Secret(String value, String writtenAs) {
        this.value = Objects.requireNonNull(value, "value");
        this.writtenAs = writtenAs;
    }

    /** A secret given in clear; it is written as {@value #MASK}. */
    public static Secret of(String value) {
        return new Secret(value, null);
    }

    /** The value of the environment variable {@code name}, remembered as the reference {@code ${name}}. */
    public static Secret fromEnvironment(String name, EnvExpansion environment) {
        String text = "${" + name + "}";
        return expanded(text, environment.expand(text));
    }

    /** The secret {@code value} that was written as {@code text} before expansion. */
    static Secret expanded(String text, String value) {
        return new Secret(value, EnvExpansion.refersToEnvironment(text) ? text : null);
    }

    /** The secret {@code value} that was written as the encrypted value {@code encrypted}. */
    public static Secret encrypted(String encrypted, String value) {
        if (!SecretCipher.isEncrypted(encrypted)) {
            throw new IllegalArgumentException("an encrypted secret is written as " + SecretCipher.PREFIX + "…");
        }
        return new Secret(value, encrypted);
    }

    /** The secret itself: hand it to the client that needs it and nowhere else. */
    public String reveal() {
        return value;
    }

    /**
     * The text this secret is written as when that text does not give it away: its environment reference, e.g.
     * {@code ${KAFKA_PASS}}, or its encrypted value; empty for a secret given in clear.
     */
    public Optional<String> writtenAs() {
        return Optional.ofNullable(writtenAs);
    }

    /** Whether this secret is written as an encrypted value. */
    public boolean isEncrypted() {
        return SecretCipher.isEncrypted(writtenAs);
    }

    /** How the secret is serialised: its environment reference or encrypted value, or {@value #MASK}. */
    @JsonValue
    String written() {
        return writtenAs != null ? writtenAs : MASK;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && value.equals(other.value) && Objects.equals(writtenAs, other.writtenAs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, writtenAs);
    }

    /** Always {@value #MASK}. */
    @Override
    public String toString() {
        return MASK;
    }
}
