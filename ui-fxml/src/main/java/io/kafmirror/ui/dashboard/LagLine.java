package io.kafmirror.ui.dashboard;

import io.kafmirror.engine.state.LagPercentiles;
import java.util.Locale;

/** The line above the Dashboard's chart that says how far behind the backup was over the range: the RPO achieved. */
final class LagLine {

    private LagLine() {
    }

    /** "Lag over the last hour (360 samples): p50 …, p95 …, p99 …, max …", or what is missing. */
    static String of(DashboardReading reading) {
        LagPercentiles lag = reading.lag();
        if (lag == null) {
            return "";
        }
        String over = "Lag over the " + reading.range().toString().toLowerCase(Locale.ROOT);
        if (lag.samples() == 0) {
            return over + ": no samples.";
        }
        return String.format(Locale.ROOT, "%s (%,d samples): p50 %s · p95 %s · p99 %s · max %s", over, lag.samples(),
                both(lag.records().p50(), lag.seconds().p50()), both(lag.records().p95(), lag.seconds().p95()),
                both(lag.records().p99(), lag.seconds().p99()), both(lag.records().max(), lag.seconds().max()));
    }

    private static String both(double records, double seconds) {
        return String.format(Locale.ROOT, "%,d records / %.1f s", Math.round(records), seconds);
    }
}
