package io.kafmirror.engine.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.Optional;

/**
 * A password or key from the configuration. It never shows itself: {@link #toString()} is {@value #MASK},
 * and Jackson writes the environment reference it was read from (e.g. {@code ${KAFKA_PASS}}) or else
 * {@value #MASK}, so a configuration saved, logged or stored in H2 carries no secret in clear. Only
 * {@link #reveal()} gives the value, for the client that needs it.
 *
 * <p>A configuration file that holds {@value #MASK} where a secret belongs was written by kaf-mirror
 * from a clear secret; {@link ConfigLoader} refuses it rather than log in with four asterisks.
 */
public final class Secret {

    /** What is shown and written instead of a secret. */
    public static final String MASK = "****";

    private final String value;
    private final String reference;

    private Secret(String value, String reference) {
        this.value = Objects.requireNonNull(value, "value");
        this.reference = reference;
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

    /** The secret itself: hand it to the client that needs it and nowhere else. */
    public String reveal() {
        return value;
    }

    /** The text this secret was written as when it refers to the environment, e.g. {@code ${KAFKA_PASS}}. */
    public Optional<String> reference() {
        return Optional.ofNullable(reference);
    }

    /** How the secret is serialised: its environment reference, or {@value #MASK}. */
    @JsonValue
    String written() {
        return reference != null ? reference : MASK;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && value.equals(other.value) && Objects.equals(reference, other.reference);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, reference);
    }

    /** Always {@value #MASK}. */
    @Override
    public String toString() {
        return MASK;
    }
}
