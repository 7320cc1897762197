package io.kafmirror.engine.anomaly;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Tells when a job's lag in seconds passes a fixed ceiling (its {@code anomalies.max_lag}), and when it is back under.
 * {@link LagSpike} judges the lag against what it learned, so a lag creeping up over an hour is learned as it rises and
 * never is a spike; a ceiling does not learn, so the same creep is reported once it reaches the limit the operator set.
 *
 * <p>The job's lag is its worst caught-up partition's (see {@link CaughtUpPartitions}): the job's recovery point. The
 * crossing is dated between the last sample under and the first over, by linear interpolation of the lag; the end at
 * the first sample back under. Not thread-safe.
 */
public final class LagCeiling {

    private final String job;
    private final double ceilingSeconds;
    private final CaughtUpPartitions caughtUp;
    private Instant lastAt;
    private double lastSeconds = -1;
    private Instant overSince;
    private double peakSeconds;

    /** A ceiling of {@code ceiling} on the lag of {@code job}, whose segments wait up to {@code linger} in memory. */
    public LagCeiling(String job, Duration ceiling, Duration linger) {
        this.job = job;
        this.ceilingSeconds = ceiling.toMillis() / 1000.0;
        this.caughtUp = new CaughtUpPartitions(LagSpike.floorSeconds(linger));
    }

    /**
     * What passing or leaving the ceiling means to an operator.
     *
     * @param beginning true when the lag passed the ceiling, false when it is back under
     * @param topic     the topic of the partition furthest behind when it passed, or {@code null} when it ended
     * @param partition that partition, or -1
     * @param at        when the lag passed the ceiling, or the sample at which it was back under
     * @param message   a sentence an operator understands
     */
    public record Finding(boolean beginning, String topic, int partition, Instant at, String message) {
    }

    /** Takes the sample of every partition of the job at {@code sampledAt}: a finding when the lag passes or leaves its ceiling. */
    public Optional<Finding> observe(Instant sampledAt, List<LagSpike.PartitionLag> partitions) {
        Instant at = sampledAt.truncatedTo(ChronoUnit.MILLIS);
        Optional<LagSpike.PartitionLag> worst = caughtUp.counted(partitions).stream()
                .max(Comparator.comparingDouble(LagSpike.PartitionLag::seconds));
        double seconds = worst.map(LagSpike.PartitionLag::seconds).orElse(0.0);
        Optional<Finding> finding = Optional.empty();
        if (overSince == null && seconds > ceilingSeconds) {
            overSince = crossedAt(at, seconds);
            peakSeconds = seconds;
            LagSpike.PartitionLag p = worst.orElseThrow();
            Instant storedUntil = at.minusMillis(Math.round(seconds * 1000));
            finding = Optional.of(new Finding(true, p.topic(), p.partition(), overSince, job + ": lag passed its ceiling of "
                    + PlainUnits.duration(Math.round(ceilingSeconds * 1000)) + " at " + overSince + "; at " + at + " "
                    + p.name() + " was " + seconds(seconds) + " behind: records written to it since " + storedUntil
                    + " are only on the source. The last instant before it: " + overSince.minusMillis(1) + "."));
        } else if (overSince != null && seconds > ceilingSeconds) {
            peakSeconds = Math.max(peakSeconds, seconds);
        } else if (overSince != null) {
            finding = Optional.of(new Finding(false, null, -1, at, job + ": lag is back under its ceiling of "
                    + PlainUnits.duration(Math.round(ceilingSeconds * 1000)) + " since " + at + " (" + seconds(seconds)
                    + "); from " + overSince + " it peaked at " + seconds(peakSeconds) + "."));
            overSince = null;
        }
        lastAt = at;
        lastSeconds = seconds;
        return finding;
    }

    /** When the lag reached the ceiling: interpolated from the sample before, when there was one under it. */
    private Instant crossedAt(Instant at, double seconds) {
        if (lastAt == null || lastSeconds < 0 || lastSeconds >= ceilingSeconds) {
            return at;
        }
        double share = (ceilingSeconds - lastSeconds) / (seconds - lastSeconds);
        return lastAt.plusMillis(Math.round(share * Duration.between(lastAt, at).toMillis()));
    }

    private static String seconds(double s) {
        return PlainUnits.count(Math.round(s)) + " s";
    }
}
