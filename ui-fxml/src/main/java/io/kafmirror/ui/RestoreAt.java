package io.kafmirror.ui;

import java.time.Instant;
import java.util.Objects;

/**
 * A restore point another screen asks the Restore screen to open at, e.g. the millisecond before an alert.
 *
 * @param job   the backup job whose backup holds the topic; it names the store and the source cluster
 * @param topic the source topic
 * @param point the restore point
 */
public record RestoreAt(String job, String topic, Instant point) {

    public RestoreAt {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(point, "point");
    }
}
