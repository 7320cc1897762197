package io.kafmirror.app.cli;

import io.kafmirror.engine.state.DrillRecord;
import io.kafmirror.engine.state.StateDatabase;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kaf-mirror drills list [--job J] [--from T] [--to T] [--json]}: the drills of a period, oldest first. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the restore drills started in a period (default: the last 30 days), oldest first, with how each ended.")
public final class DrillsList implements Callable<Integer> {

    private static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

    @Mixin
    DataOptions data;

    @Option(names = "--job", paramLabel = "JOB", description = "Only this job's drills.")
    String job;

    @Option(names = "--from", paramLabel = "TIME", converter = InstantConverter.class,
            description = "The period's start: ISO-8601 with zone, or epoch ms; default 30 days before --to.")
    Instant from;

    @Option(names = "--to", paramLabel = "TIME", converter = InstantConverter.class,
            description = "The period's end (included); default now.")
    Instant to;

    @Option(names = "--json", description = "Print the drills as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Instant end = to == null ? Instant.now() : to;
        Instant start = from == null ? end.minus(DEFAULT_PERIOD) : from;
        List<DrillRecord> drills;
        try (StateDatabase state = data.openState()) {
            drills = state.drills().between(start, end, job);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(DrillsJson.of(drills));
            return 0;
        }
        TextTable table = new TextTable("ID", "STARTED", "JOB", "MODE", "TOPICS", "TARGET", "STATE", "RECORDS", "BYTES", "MS",
                "FINDING");
        for (DrillRecord d : drills) {
            table.row(d.id(), d.startedAt(), d.job(), d.mode().name().toLowerCase(Locale.ROOT), String.join(",", d.topics()),
                    d.targetCluster() == null ? "-" : d.targetCluster(), d.state().name().toLowerCase(Locale.ROOT), d.records(),
                    Sizes.bytes(d.bytes()), d.duration().toMillis(), d.finding() == null ? "" : d.finding());
        }
        table.print(out);
        return 0;
    }
}
