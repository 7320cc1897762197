package io.kafmirror.engine.config;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a value sits in the configuration, e.g. {@code jobs.orders.flush.max_bytes}: a key per mapping
 * level, {@code [i]} for a list element. Shown to users in messages, and turned into a JSON pointer to
 * find the line and column the YAML parser recorded for it.
 *
 * @param segments the keys from the root down; an element of a list is written {@code [i]}
 */
public record ConfigPath(List<String> segments) {

    /** The document itself. */
    public static final ConfigPath ROOT = new ConfigPath(List.of());

    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    public ConfigPath {
        segments = List.copyOf(segments);
    }

    /** The path through {@code keys}. */
    public static ConfigPath of(String... keys) {
        return new ConfigPath(List.of(keys));
    }

    /** The path Jackson recorded while binding, from the root of what it read. */
    static ConfigPath of(List<JsonMappingException.Reference> references) {
        List<String> keys = new ArrayList<>();
        for (JsonMappingException.Reference reference : references) {
            keys.add(reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]");
        }
        return new ConfigPath(keys);
    }

    /** This path one key deeper. */
    public ConfigPath child(String key) {
        List<String> keys = new ArrayList<>(segments);
        keys.add(key);
        return new ConfigPath(keys);
    }

    /** This path to element {@code index} of a list. */
    public ConfigPath element(int index) {
        return child("[" + index + "]");
    }

    /** {@code relative} read from this path. */
    public ConfigPath resolve(ConfigPath relative) {
        List<String> keys = new ArrayList<>(segments);
        keys.addAll(relative.segments);
        return new ConfigPath(keys);
    }

    /** The path one level up; the root stays the root. */
    public ConfigPath parent() {
        return segments.isEmpty() ? this : new ConfigPath(segments.subList(0, segments.size() - 1));
    }

    /** Whether this is the document itself. */
    public boolean isRoot() {
        return segments.isEmpty();
    }

    /** The same place as a JSON pointer, the form Jackson's parser contexts report. */
    JsonPointer pointer() {
        JsonPointer pointer = JsonPointer.empty();
        for (String key : segments) {
            var index = INDEX.matcher(key);
            pointer = index.matches() ? pointer.appendIndex(Integer.parseInt(index.group(1))) : pointer.appendProperty(key);
        }
        return pointer;
    }

    /** Dotted keys; a key that is not a plain word (a topic pattern, a Kafka property) is quoted. */
    @Override
    public String toString() {
        if (segments.isEmpty()) {
            return "(top level)";
        }
        StringBuilder text = new StringBuilder();
        for (String key : segments) {
            if (INDEX.matcher(key).matches()) {
                text.append(key);
                continue;
            }
            if (!text.isEmpty()) {
                text.append('.');
            }
            text.append(PLAIN_KEY.matcher(key).matches() ? key : '"' + key.replace("\"", "\\\"") + '"');
        }
        return text.toString();
    }
}
