package io.kafmirror.ui.dashboard;

import java.time.Duration;
import java.time.Instant;

/** How far back the dashboard's chart reaches. */
public enum DashboardRange {
    /** The last hour: at 360 points, one per 10 s engine sample. */
    LAST_HOUR("Last hour", Duration.ofHours(1)),
    /** The last day. */
    LAST_DAY("Last day", Duration.ofDays(1)),
    /** The last week, within the 14 days of samples the state database keeps by default. */
    LAST_WEEK("Last week", Duration.ofDays(7));

    /** The shortest time a chart spans, for a job created a moment ago. */
    public static final Duration SHORTEST = Duration.ofMinutes(2);

    private final String label;
    private final Duration length;

    DashboardRange(String label, Duration length) {
        this.label = label;
        this.length = length;
    }

    /** How far back it reaches. */
    public Duration length() {
        return length;
    }

    /**
     * Where the chart of a job created at {@code created} starts when read at {@code now}: the range's start, or the
     * job's creation when the job is younger, so a new job's line fills the chart instead of a sliver at its right
     * edge; never less than {@link #SHORTEST} before {@code now}.
     */
    public Instant start(Instant now, Instant created) {
        Instant start = now.minus(length);
        Instant latest = now.minus(SHORTEST);
        if (created.isAfter(latest)) {
            return latest;
        }
        return created.isAfter(start) ? created : start;
    }

    @Override
    public String toString() {
        return label;
    }
}
