package io.kafmirror.app.cli;

import io.kafmirror.engine.mirror.Severity;
import io.kafmirror.engine.state.Alert;
import io.kafmirror.engine.state.AlertFilter;
import io.kafmirror.engine.state.StateDatabase;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kaf-mirror alerts list [--job J] [--all|--open] [--severity S] [--json]}: the alerts, newest first. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the alerts, newest first: open ones by default, --all for acknowledged and muted ones too.")
public final class AlertsList implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Option(names = "--job", paramLabel = "JOB", description = "Only this job's alerts.")
    String job;

    @ArgGroup(exclusive = true)
    Which which = new Which();

    @Option(names = "--severity", paramLabel = "SEVERITY", description = "Only alerts of this severity: ${COMPLETION-CANDIDATES}.")
    Severity severity;

    @Option(names = "--json", description = "Print the alerts as JSON, with acknowledgements, mutes and restore points.")
    boolean json;

    @Spec
    CommandSpec spec;

    /** Open alerts (the default) or all of them. */
    static final class Which {
        @Option(names = "--all", description = "Acknowledged and muted alerts too.")
        boolean all;

        @Option(names = "--open", description = "Only alerts nobody acknowledged and no mute covers (the default).")
        boolean open;
    }

    @Override
    public Integer call() {
        AlertFilter filter = (which.all ? AlertFilter.all() : AlertFilter.open()).forJob(job);
        if (severity != null) {
            filter = filter.severities(severity);
        }
        List<Alert> alerts;
        try (StateDatabase state = data.openState()) {
            alerts = state.alerts().list(filter);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(AlertsJson.of(alerts));
            return 0;
        }
        TextTable table = new TextTable("ID", "TIME", "SEVERITY", "JOB", "TOPIC", "TYPE", "STATE", "MESSAGE");
        for (Alert a : alerts) {
            table.row(a.id(), a.at(), a.severity().name().toLowerCase(Locale.ROOT), a.job(),
                    a.topic() == null ? "-" : a.partition() < 0 ? a.topic() : a.topic() + "-" + a.partition(), a.type(),
                    a.state().name().toLowerCase(Locale.ROOT), a.message().replace('\n', ' '));
        }
        table.print(out);
        return 0;
    }
}
