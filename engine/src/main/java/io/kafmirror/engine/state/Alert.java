package io.kafmirror.engine.state;

import io.kafmirror.engine.mirror.MirrorEvent;
import io.kafmirror.engine.mirror.Severity;
import java.time.Instant;

/**
 * An anomaly in a job's history ({@link MirrorEvent.Type#anomaly()}), with what people did about it.
 *
 * @param id              the id of its history entry ({@link HistoryEntry#id()}), by which it is acknowledged
 * @param job             the job's name
 * @param at              when it happened; for a change in the records, the record time it began
 * @param type            what happened
 * @param topic           the topic, or {@code null} when it concerns the whole job
 * @param partition       the partition, or -1 when it concerns a whole topic or the job
 * @param message         a sentence an operator understands
 * @param acknowledgement who acknowledged it, or {@code null}
 * @param mute            the mute that covers it, or {@code null}
 */
public record Alert(long id, String job, Instant at, MirrorEvent.Type type, String topic, int partition, String message,
                    Acknowledgement acknowledgement, Mute mute) {

    /** Where it stands: an acknowledgement wins over a mute. */
    public AlertState state() {
        return acknowledgement != null ? AlertState.ACKNOWLEDGED : mute != null ? AlertState.MUTED : AlertState.OPEN;
    }

    /** How much it matters, from its type. */
    public Severity severity() {
        return type.severity();
    }

    /** The last instant before it happened: the point to restore to, as the Restore screen's "Jump to just before". */
    public Instant restorePoint() {
        return at.minusMillis(1);
    }
}
