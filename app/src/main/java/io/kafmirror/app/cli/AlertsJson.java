package io.kafmirror.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafmirror.engine.state.Alert;
import java.time.Instant;
import java.util.List;

/** Alerts as JSON, for scripts: {@code kaf-mirror alerts list --json}. */
final class AlertsJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertsJson() {
    }

    static String of(List<Alert> alerts) {
        ArrayNode root = JSON.createArrayNode();
        for (Alert a : alerts) {
            ObjectNode node = root.addObject();
            node.put("id", a.id());
            node.put("job", a.job());
            node.put("at", a.at().toString());
            node.put("type", a.type().name());
            node.put("severity", a.severity().name());
            node.put("topic", a.topic());
            node.put("partition", a.partition());
            node.put("message", a.message());
            node.put("state", a.state().name());
            node.put("restorePoint", a.restorePoint().toString());
            if (a.acknowledgement() != null) {
                ObjectNode ack = node.putObject("acknowledgement");
                ack.put("by", a.acknowledgement().by());
                ack.put("program", a.acknowledgement().actor());
                ack.put("at", a.acknowledgement().at().toString());
                ack.put("comment", a.acknowledgement().comment());
            }
            if (a.mute() != null) {
                ObjectNode mute = node.putObject("mute");
                mute.put("id", a.mute().id());
                mute.put("by", a.mute().by());
                mute.put("from", a.mute().from().toString());
                mute.put("until", text(a.mute().until()));
                mute.put("unmutedAt", text(a.mute().unmutedAt()));
            }
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the alerts as JSON", e);
        }
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
