package io.kafmirror.ui.clusters;

import io.kafmirror.engine.config.ConfigException;
import io.kafmirror.engine.config.EnvExpansion;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The environment a form's {@code ${VARIABLE}} references are read from: the same one {@code ConfigLoader}
 * expands them with when the saved file is loaded, so the form can say now what loading will say later.
 */
public final class EnvironmentValues {

    // A whole value that is one plain reference: the only secret text a form may show unmasked, since a
    // fallback (${NAME:-text}) or surrounding text may be the secret itself.
    private static final Pattern PLAIN_REFERENCE = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*}");

    private final EnvExpansion expansion;

    /** References expanded from {@code environment}. */
    public EnvironmentValues(Map<String, String> environment) {
        this.expansion = new EnvExpansion(environment);
    }

    /** Whether {@code text} is exactly one {@code ${NAME}} reference, safe to show in a password field. */
    public static boolean isPlainReference(String text) {
        return text != null && PLAIN_REFERENCE.matcher(text).matches();
    }

    /** Whether {@code text} reads the environment at all. */
    public static boolean refersToEnvironment(String text) {
        return text != null && EnvExpansion.refersToEnvironment(text);
    }

    /** {@code text} with its references expanded; a {@link ConfigException} names what cannot be expanded. */
    public String expand(String text) {
        return expansion.expand(text);
    }

    /**
     * The note for a value that may refer to the environment: none without a reference, a remark saying where
     * the value comes from, or the loader's own problem with the reference (e.g. a variable that is not set).
     */
    public Optional<FieldNote> note(String text, boolean secret) {
        if (!refersToEnvironment(text)) {
            return Optional.empty();
        }
        String value;
        try {
            value = expansion.expand(text);
        } catch (ConfigException e) {
            return Optional.of(FieldNote.error(e.problem()));
        }
        // A secret's value is never shown; a plain value is, because it is what the file will hold.
        return Optional.of(FieldNote.info(secret
                ? "read from the environment when kaf-mirror starts; the file keeps " + text
                : "from the environment: saved as its current value, " + value));
    }
}
