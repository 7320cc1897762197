package io.kafmirror.engine.config;

import java.util.regex.Pattern;

/**
 * The rule for the names of clusters, stores and jobs, wherever they are given: in the configuration
 * file, on the command line or in the console. It is kfs-storage's segment identity rule with a length
 * limit: a cluster's name is part of every segment key, and store and job names follow it so all three
 * are safe in keys, file names and command lines.
 */
public final class ConfigName {

    /** The rule in words, for messages: "'x' is not a valid name: use " + RULE. */
    public static final String RULE = "up to 64 letters, digits, '.', '_' or '-'";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private ConfigName() {
    }

    /** Whether {@code name} follows the rule; {@code .} and {@code ..} do not, as they are folder names. */
    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches() && !name.equals(".") && !name.equals("..");
    }
}
