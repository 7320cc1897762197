package io.kafmirror.bench;

import java.util.List;

/** The median of measured durations, which one slow pass cannot move. */
final class Median {

    private Median() {
    }

    /** The median of {@code values}; for an even count, the mean of the middle two. */
    static double of(List<Long> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("No values to take the median of");
        }
        List<Long> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2.0;
    }
}
