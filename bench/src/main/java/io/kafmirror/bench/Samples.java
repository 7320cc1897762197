package io.kafmirror.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The measured durations of each step, and their median, which one slow iteration cannot move. */
final class Samples {

    private final Map<Step, List<Long>> nanos = new EnumMap<>(Step.class);

    /** Runs {@code work} and records how long it took. */
    void time(Step step, Runnable work) {
        // Collect the previous step's garbage now, so that it is not collected on this step's clock.
        System.gc();
        long start = System.nanoTime();
        work.run();
        nanos.computeIfAbsent(step, s -> new ArrayList<>()).add(System.nanoTime() - start);
    }

    /** The median duration of {@code step}; for an even count, the mean of the middle two. */
    double medianNanos(Step step) {
        List<Long> samples = nanos.getOrDefault(step, List.of());
        if (samples.isEmpty()) {
            throw new IllegalStateException("No samples of " + step);
        }
        return Median.of(samples);
    }
}
