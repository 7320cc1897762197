package io.kafmirror.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kafmirror.engine.state.AuditEntry;
import io.kafmirror.engine.state.AuditFilter;
import io.kafmirror.engine.state.StateDatabase;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kaf-mirror audit list [--from T] [--to T] [--actor A] [--action A] [--json]}: the audit log, oldest first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the audit log, oldest first.")
public final class AuditList implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    DataOptions data;

    @Option(names = "--from", paramLabel = "TIME", converter = InstantConverter.class,
            description = "Only entries at or after TIME: ISO-8601 with zone, or epoch ms.")
    Instant from;

    @Option(names = "--to", paramLabel = "TIME", converter = InstantConverter.class,
            description = "Only entries at or before TIME: ISO-8601 with zone, or epoch ms.")
    Instant to;

    @Option(names = "--actor", paramLabel = "ACTOR", description = "Only what this actor did: a user name, token:NAME for an API token, or the operating-system user of an unclaimed data folder.")
    String actor;

    @Option(names = "--action", paramLabel = "ACTION", description = "Only this action, e.g. job.pause, alert.acknowledge.")
    String action;

    @Option(names = "--json", description = "Print the entries as JSON, with their hashes, for scripts and auditors.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException {
        AuditFilter all = AuditFilter.all();
        AuditFilter filter = all.between(from == null ? all.from() : from, to == null ? all.to() : to).byActor(actor).ofAction(action);
        List<AuditEntry> entries;
        try (StateDatabase state = data.openState()) {
            entries = state.audit().list(filter);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json(entries)));
            return 0;
        }
        TextTable table = new TextTable("SEQ", "TIME", "ACTOR", "ACTION", "TARGET", "OUTCOME", "PARAMETERS", "REASON");
        for (AuditEntry e : entries) {
            table.row(e.seq(), e.at(), e.actor(), e.action(), e.target(), e.outcome().name().toLowerCase(Locale.ROOT),
                    e.parameters(), e.reason() == null ? "-" : e.reason().replace('\n', ' '));
        }
        table.print(out);
        return 0;
    }

    private static ArrayNode json(List<AuditEntry> entries) throws JsonProcessingException {
        ArrayNode root = JSON.createArrayNode();
        for (AuditEntry e : entries) {
            ObjectNode node = root.addObject().put("seq", e.seq()).put("at", e.at().toString()).put("actor", e.actor())
                    .put("action", e.action()).put("target", e.target());
            node.set("parameters", JSON.readTree(e.parameters()));
            node.put("outcome", e.outcome().name().toLowerCase(Locale.ROOT)).put("reason", e.reason())
                    .put("previousHash", e.previousHash()).put("hash", e.hash());
        }
        return root;
    }
}
