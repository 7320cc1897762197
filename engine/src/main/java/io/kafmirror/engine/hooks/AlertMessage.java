package io.kafmirror.engine.hooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafmirror.engine.mirror.MirrorEvent;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An alert as it goes out: a JSON object (job, type, severity, time, topic, partition, sentence, restore point) and
 * the same as {@code KAF_MIRROR_ALERT_*} environment variables for a command. Field table in docs/anomalies.md.
 *
 * @param job   the job that raised it
 * @param event what happened
 */
record AlertMessage(String job, MirrorEvent event) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The alert as one line of JSON. */
    String json() {
        ObjectNode node = JSON.createObjectNode();
        fields().forEach(node::put);
        node.put("partition", event.partition());
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The alert as environment variables: {@code KAF_MIRROR_ALERT_JOB}, {@code _TYPE}, … */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        fields().forEach((name, value) -> env.put("KAF_MIRROR_ALERT_" + name.toUpperCase(Locale.ROOT), value));
        env.put("KAF_MIRROR_ALERT_PARTITION", Integer.toString(event.partition()));
        return env;
    }

    private Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("job", job);
        fields.put("type", event.type().name());
        fields.put("severity", event.type().severity().name());
        fields.put("at", event.at().toString());
        fields.put("topic", event.topic() == null ? "" : event.topic());
        fields.put("message", event.message());
        fields.put("restore_point", event.at().minusMillis(1).toString());
        return fields;
    }
}
