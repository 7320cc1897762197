package io.kafmirror.app.cli;

import io.kafmirror.engine.state.Job;
import io.kafmirror.engine.state.MetricSample;
import io.kafmirror.engine.state.StateDatabase;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kaf-mirror jobs status [NAME] [--full]}: lag, throughput and last error, as the engine last sampled them. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show each job's lag, throughput and last error as last sampled by a running engine.")
public final class JobsStatus implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "Only this job.")
    String name;

    @Option(names = "--full", description = "One line per partition.")
    boolean full;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (StateDatabase state = data.openState()) {
            List<Job> jobs = name == null ? state.jobs().list() : List.of(state.jobs().get(name));
            TextTable table = full
                    ? new TextTable("JOB", "TOPIC", "PARTITION", "END", "STORED", "LAG", "LAG_S", "REC/S", "B/S", "P50_MS", "ERROR")
                    : new TextTable("JOB", "STATE", "PARTITIONS", "LAG", "MAX_LAG_S", "REC/S", "B/S", "SAMPLED", "ERROR");
            for (Job job : jobs) {
                List<MetricSample> latest = state.metrics().latest(job.name());
                if (full) {
                    latest.forEach(s -> table.row(job.name(), s.topic(), s.partition(), s.sourceEndOffset(),
                            s.storedOffset(), s.lagRecords(), seconds(s.lagSeconds()), rate(s.recordsPerSecond()),
                            rate(s.bytesPerSecond()), s.latencyP50Millis() == null ? "-" : s.latencyP50Millis(),
                            s.lastError() == null ? "" : s.lastError()));
                } else {
                    table.row(job.name(), job.desiredState().name().toLowerCase(), latest.size(),
                            latest.stream().mapToLong(s -> Math.max(0, s.lagRecords())).sum(),
                            seconds(latest.stream().mapToDouble(MetricSample::lagSeconds).max().orElse(0)),
                            rate(latest.stream().mapToDouble(MetricSample::recordsPerSecond).sum()),
                            rate(latest.stream().mapToDouble(MetricSample::bytesPerSecond).sum()),
                            latest.stream().map(MetricSample::at).max(Comparator.naturalOrder()).map(Object::toString).orElse("never"),
                            latest.stream().map(MetricSample::lastError).filter(Objects::nonNull).findFirst().orElse(""));
                }
            }
            table.print(out);
        }
        return 0;
    }

    private static String seconds(double s) {
        return s < 0 ? "?" : String.format("%.1f", s);
    }

    private static String rate(double perSecond) {
        return String.format("%.0f", perSecond);
    }
}
