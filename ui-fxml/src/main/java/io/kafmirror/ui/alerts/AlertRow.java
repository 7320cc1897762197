package io.kafmirror.ui.alerts;

import io.kafmirror.engine.state.Acknowledgement;
import io.kafmirror.engine.state.Alert;
import io.kafmirror.engine.state.Mute;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One line of the Alerts table: an {@link Alert} and the words its cells show, in local time.
 *
 * @param alert the alert as stored
 * @param zone  the zone its times are shown in
 */
public record AlertRow(Alert alert, ZoneId zone) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** When it happened, local time. */
    public String timeText() {
        return local(alert.at());
    }

    /** Its severity in lower case, e.g. {@code critical}. */
    public String severityText() {
        return alert.severity().name().toLowerCase(Locale.ROOT);
    }

    /** The style class of its severity cell, e.g. {@code severity-critical}. */
    public String severityStyle() {
        return "severity-" + severityText();
    }

    /** The topic, with the partition when it concerns one; a dash for the whole job. */
    public String whereText() {
        if (alert.topic() == null) {
            return "–";
        }
        return alert.partition() < 0 ? alert.topic() : alert.topic() + "-" + alert.partition();
    }

    /** Open, acknowledged by whom, or muted until when. */
    public String stateText() {
        Acknowledgement ack = alert.acknowledgement();
        Mute mute = alert.mute();
        return switch (alert.state()) {
            case OPEN -> "open";
            case ACKNOWLEDGED -> "acknowledged by " + ack.by();
            case MUTED -> mute.unmutedAt() != null ? "muted (unmuted since " + local(mute.unmutedAt()) + ")"
                    : mute.until() == null ? "muted until unmuted" : "muted until " + local(mute.until());
        };
    }

    /** Everything about it for the details pane: type and place, the sentence, times, the restore point, what people did. */
    public String details() {
        StringBuilder text = new StringBuilder(alert.type() + " · " + alert.job() + " · " + whereText() + "\n" + alert.message()
                + "\n\nAt " + timeText() + " (" + alert.at() + ").\nLast instant before it, to restore to: "
                + local(alert.restorePoint()) + " (" + alert.restorePoint() + ").");
        Acknowledgement ack = alert.acknowledgement();
        if (ack != null) {
            text.append("\nAcknowledged by ").append(ack.by()).append(" in the ").append(ack.actor()).append(" at ")
                    .append(local(ack.at())).append(ack.comment() == null ? "." : ": " + ack.comment());
        }
        if (alert.mute() != null) {
            text.append("\nMuted by ").append(alert.mute().by()).append(" at ").append(local(alert.mute().from())).append(": ")
                    .append(alert.mute().scope()).append('.');
        }
        return text.toString();
    }

    private String local(Instant at) {
        return TIME.format(at.atZone(zone));
    }
}
