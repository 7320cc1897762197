package io.kafmirror.engine.config;

import io.kafmirror.engine.anomaly.Detector;
import io.kafmirror.engine.anomaly.Sensitivity;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * A job's anomaly detection: which detectors are switched off, how sensitive the others are, and the lag it must not pass.
 *
 * @param off         the detectors switched off; empty for none
 * @param sensitivity how far from the usual a value must be to be reported; null for {@link Sensitivity#NORMAL}
 * @param maxLag      the lag in seconds (the recovery point) beyond which the job is reported behind, whatever is usual
 *                    for it; null for {@link #DEFAULT_MAX_LAG}, or twice the flush linger when that is longer
 */
public record AnomalySettings(Set<Detector> off, Sensitivity sensitivity, Duration maxLag) {

    /** Every detector on, at normal sensitivity. */
    public static final AnomalySettings DEFAULT = new AnomalySettings(null, null, null);
    /** The lag ceiling when none is configured: 5 minutes, ten times the default flush linger. */
    public static final Duration DEFAULT_MAX_LAG = Duration.ofMinutes(5);

    /** Copies the set and checks the ceiling. */
    public AnomalySettings {
        off = off == null || off.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(off));
        if (maxLag != null && (maxLag.isZero() || maxLag.isNegative())) {
            throw ConfigException.at("max_lag", "must be positive, e.g. 5m");
        }
    }

    /** Settings without a configured lag ceiling. */
    public AnomalySettings(Set<Detector> off, Sensitivity sensitivity) {
        this(off, sensitivity, null);
    }

    /**
     * Refuses a lag ceiling {@code maxLag} (null for the default) not longer than the flush linger {@code linger}, under
     * {@code anomalies.max_lag}: the YAML, the CLI and the console apply this one rule.
     */
    public static void checkMaxLag(Duration maxLag, Duration linger) {
        if (maxLag != null && maxLag.compareTo(linger) <= 0) {
            throw ConfigException.at(ConfigPath.of("anomalies", "max_lag"), "must be longer than flush.max_linger ("
                    + DurationText.format(linger) + "): records wait that long in memory by design, so the"
                    + " lag reaches it on every flush; e.g. " + DurationText.format(linger.multipliedBy(10)));
        }
    }

    /** Whether {@code detector} runs. */
    public boolean on(Detector detector) {
        return !off.contains(detector);
    }

    /** The sensitivity: {@link #sensitivity}, normal by default. */
    public Sensitivity level() {
        return sensitivity == null ? Sensitivity.NORMAL : sensitivity;
    }

    /**
     * The lag ceiling of a job whose segments wait up to {@code linger} in memory: {@link #maxLag}, or by default
     * {@link #DEFAULT_MAX_LAG} or twice the linger when longer, as the lag saws up to the linger on every flush.
     */
    public Duration lagCeiling(Duration linger) {
        if (maxLag != null) {
            return maxLag;
        }
        Duration twice = linger.multipliedBy(2);
        return twice.compareTo(DEFAULT_MAX_LAG) > 0 ? twice : DEFAULT_MAX_LAG;
    }
}
