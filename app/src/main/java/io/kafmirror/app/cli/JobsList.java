package io.kafmirror.app.cli;

import io.kafmirror.engine.config.AnomalySettings;
import io.kafmirror.engine.config.DurationText;
import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.state.Job;
import io.kafmirror.engine.state.StateDatabase;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kaf-mirror jobs list}: every job with its source, store, topics, desired state and anomaly detection. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the backup jobs.")
public final class JobsList implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TextTable table = new TextTable("JOB", "STATE", "SOURCE", "STORE", "TOPICS", "DETECTION");
        try (StateDatabase state = data.openState()) {
            for (Job job : state.jobs().list()) {
                table.row(job.name(), job.desiredState().name().toLowerCase(), job.config().source(),
                        job.config().store(), job.config().topics(), detection(job.config()));
            }
        }
        table.print(spec.commandLine().getOut());
        return 0;
    }

    // Defaults shown as they apply, so the operator sees the ceiling the job is held to without reading the docs.
    private static String detection(JobConfig job) {
        AnomalySettings anomalies = job.detection();
        return anomalies.level().name().toLowerCase(Locale.ROOT) + ", max lag "
                + DurationText.format(anomalies.lagCeiling(job.flush().maxLinger()))
                + (anomalies.off().isEmpty() ? "" : ", off " + anomalies.off().stream().sorted()
                        .map(d -> d.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(",")));
    }
}
