package io.kafmirror.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafmirror.engine.state.DrillRecord;
import java.util.List;

/** Drills as JSON, for scripts: {@code kaf-mirror drills list --json}; the fields are drill_run's (docs/state-database.md). */
final class DrillsJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DrillsJson() {
    }

    static String of(List<DrillRecord> drills) {
        ArrayNode root = JSON.createArrayNode();
        for (DrillRecord d : drills) {
            ObjectNode node = root.addObject();
            node.put("id", d.id());
            node.put("job", d.job());
            node.put("schedule", d.schedule());
            node.put("mode", d.mode().name());
            node.put("sourceCluster", d.sourceCluster());
            node.put("store", d.store());
            node.put("targetCluster", d.targetCluster());
            d.topics().forEach(node.putArray("topics")::add);
            node.put("restorePoint", d.restorePoint().toString());
            node.put("startedAt", d.startedAt().toString());
            node.put("finishedAt", d.finishedAt() == null ? null : d.finishedAt().toString());
            node.put("updatedAt", d.lastSign().toString());
            node.put("durationMillis", d.duration().toMillis());
            node.put("state", d.state().name());
            node.put("passed", d.passed());
            node.put("records", d.records());
            node.put("bytes", d.bytes());
            node.put("finding", d.finding());
            node.put("leftover", d.leftover());
            node.put("actor", d.actor());
        }
        return root.toPrettyString();
    }
}
