package io.kafmirror.ui.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lag spikes in a job's totals: where the lag rises well above what is usual for the range. The engine records no
 * event for them (lag is not an error), so the console marks them from the samples it draws.
 */
public final class LagSpikes {

    /** A spike is at least this many times the range's median lag... */
    static final int TIMES_MEDIAN = 5;
    /** ...and at least this many records: a few hundred waiting records are a batch in flight, not an anomaly. */
    static final long MIN_RECORDS = 1000;

    private LagSpikes() {
    }

    /** A marker at the first point of every run of points of {@code job} whose lag is a spike. */
    public static List<EventMarker> in(String job, List<TotalPoint> points) {
        if (points.isEmpty()) {
            return List.of();
        }
        long median = points.stream().mapToLong(TotalPoint::lagRecords).sorted().skip(points.size() / 2).findFirst().orElseThrow();
        long threshold = Math.max(MIN_RECORDS, TIMES_MEDIAN * median);
        List<EventMarker> spikes = new ArrayList<>();
        boolean inSpike = false;
        for (int i = 0; i < points.size(); i++) {
            boolean above = points.get(i).lagRecords() >= threshold;
            if (above && !inSpike) {
                int peak = peakOfRunFrom(points, i, threshold);
                spikes.add(EventMarker.lagSpike(job, points.get(i).at(), String.format(Locale.ROOT,
                        "Lag rose to %,d records (peak %,d at %s), at least %d times the range's median of %,d records.",
                        points.get(i).lagRecords(), points.get(peak).lagRecords(), points.get(peak).at(), TIMES_MEDIAN, median)));
            }
            inSpike = above;
        }
        return spikes;
    }

    private static int peakOfRunFrom(List<TotalPoint> points, int start, long threshold) {
        int peak = start;
        for (int i = start; i < points.size() && points.get(i).lagRecords() >= threshold; i++) {
            if (points.get(i).lagRecords() > points.get(peak).lagRecords()) {
                peak = i;
            }
        }
        return peak;
    }
}
