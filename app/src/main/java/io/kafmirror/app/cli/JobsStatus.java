package io.kafmirror.app.cli;

import io.kafmirror.engine.config.ConfigException;
import io.kafmirror.engine.config.DurationText;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.config.SeparationWarning;
import io.kafmirror.engine.config.SeparationWarnings;
import io.kafmirror.engine.state.Job;
import io.kafmirror.engine.state.LagPercentiles;
import io.kafmirror.engine.state.MetricSample;
import io.kafmirror.engine.state.StateDatabase;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kaf-mirror jobs status [NAME] [--full] [--window 1h]}: lag, throughput and last error, as the engine last sampled
 * them; with a window, the lag percentiles over it per job and topic.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show each job's lag, throughput and last error as last sampled by a running engine.")
public final class JobsStatus implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Mixin
    ConfigOptions config;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "Only this job.")
    String name;

    @Option(names = "--full", description = "One line per partition.")
    boolean full;

    @Option(names = "--window", paramLabel = "DURATION",
            description = "Also the lag percentiles (p50, p95, p99, max) over this much time back, e.g. 1h, 24h or 7d:"
                    + " the recovery point achieved, per job and topic.")
    String window;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Duration back = window == null ? null : windowLength();
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
            if (back != null) {
                Instant now = Instant.now();
                out.println();
                out.println("Lag over the last " + window.trim() + " (percentiles of the samples, in records and seconds):");
                TextTable lag = new TextTable("JOB", "TOPIC", "SAMPLES", "P50", "P95", "P99", "MAX", "P50_S", "P95_S", "P99_S", "MAX_S");
                for (Job job : jobs) {
                    for (LagPercentiles p : state.metrics().lagPercentiles(job.name(), now.minus(back), now)) {
                        lag.row(job.name(), p.topic() == null ? "(all)" : p.topic(), p.samples(), Math.round(p.records().p50()),
                                Math.round(p.records().p95()), Math.round(p.records().p99()), Math.round(p.records().max()),
                                seconds(p.seconds().p50()), seconds(p.seconds().p95()), seconds(p.seconds().p99()),
                                seconds(p.seconds().max()));
                    }
                }
                lag.print(out);
            }
            separation(out, jobs);
        }
        return 0;
    }

    // The configuration says which cluster and store a job uses; status still shows without it.
    private void separation(PrintWriter out, List<Job> jobs) {
        if (!Files.isRegularFile(config.file())) {
            return;
        }
        List<SeparationWarning> warnings = new ArrayList<>();
        try {
            MirrorConfig loaded = config.load();
            for (Job job : jobs) {
                SeparationWarnings.forJob(job.name(), job.config(), loaded).stream()
                        .filter(w -> !warnings.contains(w)).forEach(warnings::add);
            }
        } catch (ConfigException e) {
            out.println();
            out.println("Separation not checked: " + e.getMessage());
            return;
        }
        SeparationNotes.print(out, warnings);
    }

    private Duration windowLength() {
        try {
            Duration length = DurationText.parse(window);
            if (!length.isZero()) {
                return length;
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--window: " + e.getMessage());
        }
        throw new ParameterException(spec.commandLine(), "--window must be longer than 0, e.g. 1h, 24h or 7d.");
    }

    private static String seconds(double s) {
        return s < 0 ? "?" : String.format("%.1f", s);
    }

    private static String rate(double perSecond) {
        return String.format("%.0f", perSecond);
    }
}
