package io.kafmirror.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafmirror.engine.restore.PartitionCut;
import io.kafmirror.engine.restore.RestorePlan;
import io.kafmirror.engine.restore.RestorePoint;

/** A restore plan as JSON, for scripts: {@code kaf-mirror restore ... --dry-run --json}. */
final class PlanJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlanJson() {
    }

    static String of(RestorePlan plan) {
        ObjectNode root = JSON.createObjectNode();
        root.put("cluster", plan.request().cluster());
        root.put("topic", plan.request().topic());
        root.put("topicId", plan.topicId().toString());
        if (plan.request().point() instanceof RestorePoint.AtTime t) {
            root.put("to", t.at().toString());
        }
        if (plan.request().from() != null) {
            root.put("from", plan.request().from().toString());
        }
        root.put("records", plan.records());
        root.put("bytes", plan.bytes());
        ArrayNode partitions = root.putArray("partitions");
        for (PartitionCut c : plan.cuts()) {
            ObjectNode p = partitions.addObject();
            p.put("partition", c.partition());
            p.put("firstOffset", c.firstOffset());
            p.put("endOffset", c.endOffset());
            p.put("records", c.records());
            p.put("bytes", c.bytes());
            c.segments().forEach(p.putArray("segments")::add);
        }
        plan.warnings().forEach(root.putArray("warnings")::add);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the plan as JSON", e);
        }
    }
}
