package io.kafmirror.ui.dashboard;

import java.time.Duration;

/** How far back the dashboard's chart reaches. */
public enum DashboardRange {
    /** The last hour: at 360 points, one per 10 s engine sample. */
    LAST_HOUR("Last hour", Duration.ofHours(1)),
    /** The last day. */
    LAST_DAY("Last day", Duration.ofDays(1)),
    /** The last week, within the 14 days of samples the state database keeps by default. */
    LAST_WEEK("Last week", Duration.ofDays(7));

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

    @Override
    public String toString() {
        return label;
    }
}
