package io.kafmirror.ui.restore;

import java.time.Instant;

/**
 * Something the backup engine recorded about a topic, marked on the timeline: a gap, the topic deleted or created
 * again, an authentication failure.
 *
 * @param at      when the engine noticed it
 * @param type    the {@link io.kafmirror.engine.mirror.MirrorEvent.Type} name
 * @param job     the job that recorded it
 * @param message the engine's sentence about it
 */
public record TimelineEvent(Instant at, String type, String job, String message) {

    /** What the event list shows: when, what, and the engine's words. */
    @Override
    public String toString() {
        return PointText.format(at) + "  " + type.toLowerCase().replace('_', ' ') + ": " + message;
    }
}
