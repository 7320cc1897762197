package io.kafmirror.ui.restore;

import java.time.Instant;
import java.util.List;

/**
 * What the timeline shows of one topic's backup.
 *
 * @param topic   the topic
 * @param density its records over time
 * @param events  what the engine recorded about it, oldest first
 */
public record BackupTimeline(BackedUpTopic topic, RecordDensity density, List<TimelineEvent> events) {

    /** Copies the events. */
    public BackupTimeline {
        events = List.copyOf(events);
    }

    /** Whether {@code at} lies between the first and the last stored timestamp, both included. */
    public boolean covers(Instant at) {
        return !at.isBefore(density.start()) && !at.isAfter(density.end());
    }

    /** The sentence for a time outside the backup. */
    public String coverage() {
        return "The backup covers " + PointText.format(density.start()) + " to " + PointText.format(density.end()) + ".";
    }
}
