package io.kafmirror.engine.anomaly;

/**
 * How far from a topic's usual a value must be before a detector reports it, in robust deviations (scaled median
 * absolute deviations) from the median of its recent normal values; the detectors' other floors (a factor of 2 or 3,
 * a 10-point rise) hold at every level.
 */
public enum Sensitivity {
    /** Fewer reports: 8 deviations, for noisy topics whose alerts are mostly their own swings. */
    LOW(8),
    /** The default: 6 deviations. */
    NORMAL(6),
    /** More reports: 4 deviations, for quiet, regular topics where small shifts matter. */
    HIGH(4);

    private final double deviations;

    Sensitivity(double deviations) {
        this.deviations = deviations;
    }

    /** How many deviations from the median a value must be to stand out. */
    public double deviations() {
        return deviations;
    }
}
