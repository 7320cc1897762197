package io.kafmirror.engine.anomaly;

import java.util.Arrays;
import java.util.Collection;

/**
 * The middle and the spread of a detector's recent normal values, robustly: the median, and the median absolute
 * deviation scaled to a standard deviation, so a few odd values among them move neither.
 *
 * @param median    the median of the values (0 for none)
 * @param deviation the median absolute deviation times {@value #MAD_SCALE}
 */
record RobustSpread(double median, double deviation) {

    // Scales a median absolute deviation to a standard deviation for normally distributed values.
    private static final double MAD_SCALE = 1.4826;

    /** The spread of {@code values}. */
    static RobustSpread of(Collection<? extends Number> values) {
        double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        double median = median(sorted);
        double[] deviations = Arrays.stream(sorted).map(v -> Math.abs(v - median)).sorted().toArray();
        return new RobustSpread(median, MAD_SCALE * median(deviations));
    }

    /** The value {@code sorted} (ascending) holds at quantile {@code q} (0 to 1), the nearest rank; 0 for none. */
    static double quantile(double[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
    }

    /** How far from the median a value must be to stand out: {@code sensitivity}'s deviations, at least {@code floor}. */
    double margin(double floor, Sensitivity sensitivity) {
        return Math.max(floor, sensitivity.deviations() * deviation);
    }

    private static double median(double[] sorted) {
        if (sorted.length == 0) {
            return 0;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
