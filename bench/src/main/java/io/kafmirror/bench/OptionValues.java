package io.kafmirror.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Command-line {@code --name value} pairs, read with defaults; unknown names and missing values are refused. */
final class OptionValues {

    private final Map<String, String> values;

    private OptionValues(Map<String, String> values) {
        this.values = values;
    }

    /**
     * The options {@code parse} reads from {@code args}; empty after printing {@code usage} for {@code --help}. A mistake
     * prints what is wrong and the usage, and exits with status 2.
     */
    static <T> Optional<T> parseOrExit(String[] args, Function<String[], Optional<T>> parse, String usage) {
        Optional<T> parsed;
        try {
            parsed = parse.apply(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(usage);
            System.exit(2);
            return Optional.empty();
        }
        if (parsed.isEmpty()) {
            System.out.println(usage);
        }
        return parsed;
    }

    /** Parses {@code args} allowing only {@code names}; empty when {@code --help} was asked for. */
    static Optional<OptionValues> parse(String[] args, Set<String> names) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help")) {
                return Optional.empty();
            }
            if (!names.contains(args[i])) {
                throw new IllegalArgumentException("Unknown option " + args[i]);
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException("Missing value after " + args[i]);
            }
            values.put(args[i], args[++i]);
        }
        return Optional.of(new OptionValues(values));
    }

    /** The whole number given for {@code name}, or {@code fallback}. */
    int number(String name, int fallback) {
        String value = values.get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, not '" + value + "'", e);
        }
    }

    /** The text given for {@code name}, or {@code fallback}. */
    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** The folder given for {@code name}, if any. */
    Optional<Path> path(String name) {
        return Optional.ofNullable(values.get(name)).map(Path::of);
    }
}
