package io.kafmirror.ui.jobs;

import io.kafmirror.engine.state.DesiredState;
import io.kafmirror.engine.state.Job;
import io.kafmirror.engine.state.MetricSample;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One line of the job list: a job as the state database holds it and its partitions' latest samples summed up the
 * way {@code kaf-mirror jobs status} does (lag and throughput summed, lag in seconds the worst partition's).
 *
 * @param job                the job
 * @param partitions         how many partitions an engine sampled; 0 when none has yet
 * @param lagRecords         records not yet stored, over all partitions
 * @param lagSeconds         the oldest waiting record's age in the worst partition
 * @param recordsPerSecond   records stored per second, over all partitions
 * @param bytesPerSecond     bytes stored per second, over all partitions
 * @param lastError          the first partition error reported, or {@code null}
 */
public record JobRow(Job job, int partitions, long lagRecords, double lagSeconds, double recordsPerSecond,
                     double bytesPerSecond, String lastError) {

    private static final String NOT_SAMPLED = "–";

    /** The row of {@code job} with its partitions' {@code latest} samples. */
    public static JobRow of(Job job, List<MetricSample> latest) {
        return new JobRow(job, latest.size(),
                latest.stream().mapToLong(s -> Math.max(0, s.lagRecords())).sum(),
                latest.stream().mapToDouble(MetricSample::lagSeconds).max().orElse(0),
                latest.stream().mapToDouble(MetricSample::recordsPerSecond).sum(),
                latest.stream().mapToDouble(MetricSample::bytesPerSecond).sum(),
                latest.stream().map(MetricSample::lastError).filter(Objects::nonNull).findFirst().orElse(null));
    }

    /** The job's name. */
    public String name() {
        return job.name();
    }

    /** What the operator wants the job to do. */
    public DesiredState state() {
        return job.desiredState();
    }

    /** {@code source → store}. */
    public String route() {
        return job.config().source() + " → " + job.config().store();
    }

    /** The desired state in lower case, as the CLI prints it. */
    public String stateText() {
        return state().name().toLowerCase(Locale.ROOT);
    }

    /** Lag in records, or a dash before any engine sampled the job. */
    public String lagRecordsText() {
        return partitions == 0 ? NOT_SAMPLED : String.format(Locale.ROOT, "%,d", lagRecords);
    }

    /** Lag in seconds, one decimal. */
    public String lagSecondsText() {
        return partitions == 0 ? NOT_SAMPLED : String.format(Locale.ROOT, "%.1f s", lagSeconds);
    }

    /** Records stored per second. */
    public String recordsPerSecondText() {
        return partitions == 0 ? NOT_SAMPLED : String.format(Locale.ROOT, "%,.0f", recordsPerSecond);
    }

    /** Stored MiB per second (binary, as every size in kaf-mirror). */
    public String mibPerSecondText() {
        return partitions == 0 ? NOT_SAMPLED : String.format(Locale.ROOT, "%.2f", bytesPerSecond / (1024 * 1024));
    }

    /** The last error, or empty. */
    public String lastErrorText() {
        return lastError == null ? "" : lastError;
    }
}
