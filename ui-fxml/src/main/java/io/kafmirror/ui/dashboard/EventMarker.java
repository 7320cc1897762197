package io.kafmirror.ui.dashboard;

import io.kafmirror.engine.mirror.MirrorEvent;
import io.kafmirror.engine.mirror.Severity;
import io.kafmirror.engine.state.HistoryEntry;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * An entry of a job's history, drawn as a marker on its chart and coloured by how much it matters.
 *
 * @param entry    the history entry
 * @param severity how much it matters to the backup
 */
public record EventMarker(HistoryEntry entry, Severity severity) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** The list beside the chart is narrow: the year goes, the details keep it. */
    private static final DateTimeFormatter SHORT_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");

    /** The marker of {@code entry}: an engine event has its type's severity, a change someone made is information. */
    public static EventMarker of(HistoryEntry entry) {
        Severity severity = Arrays.stream(MirrorEvent.Type.values()).filter(t -> t.name().equals(entry.type()))
                .map(MirrorEvent.Type::severity).findFirst().orElse(Severity.INFO);
        return new EventMarker(entry, severity);
    }

    /** When it happened. */
    public Instant at() {
        return entry.at();
    }

    /** A line for the event list: local time, type and where. */
    public String summary() {
        return SHORT_TIME.format(entry.at().atZone(ZoneId.systemDefault())) + "  " + entry.type() + where();
    }

    /** Everything about it, the full message first: type and place, message, time (local and UTC) and who saw it. */
    public String details() {
        return entry.type() + where() + "\n" + entry.message() + "\n\n" + TIME.format(entry.at().atZone(ZoneId.systemDefault()))
                + " (" + entry.at() + "), recorded by " + entry.actor();
    }

    private String where() {
        if (entry.topic() == null) {
            return "";
        }
        return entry.partition() < 0 ? " · " + entry.topic() : " · " + entry.topic() + "-" + entry.partition();
    }

    @Override
    public String toString() {
        return summary();
    }
}
