package io.kafmirror.ui.restore;

import java.time.Instant;
import java.util.List;

/**
 * What the timeline shows of one topic's backup.
 *
 * @param topic       the topic
 * @param generation  the generation shown; null when nothing of the topic is stored
 * @param generations every generation of the topic the backup holds, oldest first
 * @param density     the shown generation's records over time
 * @param events      what the engine recorded about the topic, oldest first
 */
public record BackupTimeline(BackedUpTopic topic, TopicGeneration generation, List<TopicGeneration> generations,
                             RecordDensity density, List<TimelineEvent> events) {

    /** Copies the generations and events. */
    public BackupTimeline {
        generations = List.copyOf(generations);
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
