package io.kafmirror.engine.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The parameters of an audit entry as JSON: keys sorted, so the same parameters are always the same text, and the value
 * of every key that looks like a secret replaced by {@value #REDACTED}, at any depth. Numbers, booleans, strings, maps
 * and collections keep their JSON types; anything else is written as its {@code toString()} (an instant, a duration).
 */
public final class AuditParameters {

    /** What a secret's value is replaced with. */
    public static final String REDACTED = "[redacted]";

    // A key naming a password, secret, token, JAAS configuration, credentials or a private/API/access key, in any case
    // and with any separators: sasl.jaas.config, secret_key, ssl.keystore.password, apiToken, credentials...
    private static final Pattern SECRET = Pattern.compile(
            "(?i).*(passw|secret|token|jaas|credential|private[._-]?key|api[._-]?key|access[._-]?key|auth[._-]?key).*");

    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private AuditParameters() {
    }

    /** Whether a value under {@code key} is redacted. */
    public static boolean isSecret(String key) {
        return SECRET.matcher(key).matches();
    }

    /** {@code parameters} as the JSON text stored and hashed. */
    public static String json(Map<String, ?> parameters) {
        try {
            return JSON.writeValueAsString(node(parameters));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write audit parameters as JSON: " + e.getMessage(), e);
        }
    }

    private static JsonNode node(Object value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value == null) {
            return f.nullNode();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = f.objectNode();
            new TreeMap<>(stringKeys(map)).forEach((k, v) -> object.set(k, isSecret(k) && v != null ? f.textNode(REDACTED) : node(v)));
            return object;
        }
        if (value instanceof Collection<?> items) {
            return f.arrayNode().addAll(items.stream().map(AuditParameters::node).toList());
        }
        if (value instanceof Boolean b) {
            return f.booleanNode(b);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return f.numberNode(((Number) value).longValue());
        }
        if (value instanceof Number n) {
            return f.numberNode(n.doubleValue());
        }
        return f.textNode(value.toString());
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> out = new TreeMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
