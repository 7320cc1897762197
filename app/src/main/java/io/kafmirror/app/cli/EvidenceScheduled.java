package io.kafmirror.app.cli;

import io.kafmirror.engine.evidence.EvidencePeriod;
import io.kafmirror.engine.evidence.ExportSchedule;
import io.kafmirror.engine.evidence.PackExport;
import io.kafmirror.engine.evidence.ScheduledExports;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evidence scheduled}: the packs of the completed days, weeks or months not yet in a folder, for cron or a systemd timer. */
@Command(name = "scheduled", mixinStandardHelpOptions = true,
        description = "Write into --folder the evidence pack of each completed UTC day, ISO week or month since the newest one"
                + " there (only the last one into a folder without any). Run it from cron or a systemd timer, e.g. hourly.")
public final class EvidenceScheduled implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Mixin
    DataOptions data;

    @Option(names = "--every", required = true, paramLabel = "PERIOD", description = "daily, weekly or monthly.")
    ExportSchedule every;

    @Option(names = "--folder", required = true, paramLabel = "FOLDER", description = "Where the packs go, named for their period.")
    Path folder;

    @Option(names = "--store", paramLabel = "STORE", description = "Only this configured store (repeatable); default: every one.")
    List<String> stores = List.of();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter printed = spec.commandLine().getOut();
        ScheduledExports schedule = new ScheduledExports(every, folder);
        Instant now = Instant.now();
        List<EvidencePeriod> due = schedule.due(now);
        if (due.isEmpty()) {
            printed.println("Nothing due: " + schedule.file(every.lastComplete(now)) + " is the newest pack.");
            return 0;
        }
        PackExport export = new PackExport(config.load(), data.folder(), data::openState, VersionProvider.version(), Clock.systemUTC());
        for (EvidencePeriod period : due) {
            PackPrinter.print(export.write(period, stores, schedule.file(period), false), printed);
        }
        return 0;
    }
}
