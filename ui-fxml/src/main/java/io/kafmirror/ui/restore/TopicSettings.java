package io.kafmirror.ui.restore;

import io.kafmirror.engine.restore.TargetOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The Restore screen's settings of the target topic as the operator types them: a replication factor and configs of a
 * created topic over the stored ones ({@code --replication-factor}, {@code --topic-config}), and {@code --append}.
 */
final class TopicSettings {

    private TopicSettings() {
    }

    /**
     * The options {@code replicationFactor} (empty: the source's) and {@code configs} ({@code name=value} entries
     * separated by spaces, as values such as {@code compact,delete} hold commas; {@code name=} leaves the config to the
     * target's default) say; a clear {@link IllegalArgumentException} otherwise.
     */
    static TargetOptions parse(String replicationFactor, String configs, boolean append) {
        return new TargetOptions(configs(configs), factor(replicationFactor), append);
    }

    private static OptionalInt factor(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            return OptionalInt.empty();
        }
        int factor;
        try {
            factor = Integer.parseInt(trimmed);
        } catch (NumberFormatException e) {
            factor = 0;
        }
        if (factor < 1 || factor > Short.MAX_VALUE) {
            throw new IllegalArgumentException("Replication factor '" + trimmed + "' is not a whole number from 1 up; leave it"
                    + " empty for the source's");
        }
        return OptionalInt.of(factor);
    }

    private static Map<String, String> configs(String text) {
        Map<String, String> configs = new LinkedHashMap<>();
        for (String entry : (text == null ? "" : text.trim()).split("\\s+")) {
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("Topic config '" + entry + "' is not name=value; separate several with"
                        + " spaces, e.g. retention.ms=86400000 cleanup.policy=compact,delete");
            }
            String name = entry.substring(0, eq);
            if (configs.put(name, entry.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("Topic config " + name + " is given twice; keep one");
            }
        }
        return configs;
    }
}
