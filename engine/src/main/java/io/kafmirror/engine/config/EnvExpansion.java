package io.kafmirror.engine.config;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Expands environment references in configuration values: {@code ${NAME}} is the variable's value,
 * {@code ${NAME:-fallback}} the fallback when the variable is unset or empty (as in a POSIX shell), and
 * {@code $$} a literal {@code $}. A {@code $} followed by anything else is kept as it is, so prices
 * and regular expressions ({@code orders$}) need no escaping.
 *
 * <p>The environment is a map rather than {@link System#getenv()} so that tests and embedders supply
 * their own.
 */
public final class EnvExpansion {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{" + NAME.pattern() + "(:-[^}]*)?}");

    private final Map<String, String> environment;

    /** Expansion against {@code environment}. */
    public EnvExpansion(Map<String, String> environment) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    }

    /** Whether {@code text} reads at least one environment variable ({@code $${X}} is a literal, not a reference). */
    public static boolean refersToEnvironment(String text) {
        return REFERENCE.matcher(text.replace("$$", "")).find();
    }

    /**
     * {@code text} with its references replaced; a {@link ConfigException} names an unset variable without
     * a fallback, or a malformed reference.
     */
    public String expand(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$' || i + 1 == text.length()) {
                out.append(c);
                i++;
            } else if (text.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
            } else if (text.charAt(i + 1) == '{') {
                int end = text.indexOf('}', i + 2);
                if (end < 0) {
                    throw ConfigException.of("a reference opened with ${ is never closed with }: write ${NAME} or"
                            + " ${NAME:-fallback}, or $${ for a literal ${");
                }
                out.append(resolve(text.substring(i + 2, end)));
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    // Messages never quote the value: it may be a secret written in clear. The key path and line say where.
    private String resolve(String reference) {
        int split = reference.indexOf(":-");
        String name = split < 0 ? reference : reference.substring(0, split);
        if (!NAME.matcher(name).matches()) {
            throw ConfigException.of("a ${...} reference here does not start with a variable name (letters, digits and"
                    + " underscores, not a digit first): write ${KAFKA_PASSWORD} or ${KAFKA_PASSWORD:-fallback},"
                    + " or $${ for a literal ${");
        }
        String value = environment.get(name);
        if (split >= 0 && (value == null || value.isEmpty())) {
            return reference.substring(split + 2);
        }
        if (value == null) {
            throw ConfigException.of("the environment variable " + name + " is not set: set it before starting"
                    + " kaf-mirror, or give a fallback with ${" + name + ":-value}");
        }
        return value;
    }
}
