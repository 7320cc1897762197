package io.kafmirror.ui.dashboard;

import io.kafmirror.engine.mirror.MirrorEvent;
import io.kafmirror.engine.mirror.Severity;
import io.kafmirror.engine.state.HistoryEntry;
import io.kafmirror.ui.ConsoleState;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * An entry of a job's history, or a lag spike the console saw in its samples, drawn as a marker on its chart and
 * coloured by how much it matters.
 *
 * @param entry       the history entry, or for a lag spike one made up by the console (never written to the database)
 * @param severity    how much it matters to the backup
 * @param fromSamples seen by the console in the samples rather than recorded in the history
 */
public record EventMarker(HistoryEntry entry, Severity severity, boolean fromSamples) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** The list beside the chart is narrow: the year goes, the details keep it. */
    private static final DateTimeFormatter SHORT_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");

    /** The marker of {@code entry}: an engine event has its type's severity, a change someone made is information. */
    public static EventMarker of(HistoryEntry entry) {
        Severity severity = Arrays.stream(MirrorEvent.Type.values()).filter(t -> t.name().equals(entry.type()))
                .map(MirrorEvent.Type::severity).findFirst().orElse(Severity.INFO);
        return new EventMarker(entry, severity, false);
    }

    /**
     * A lag spike of {@code job} the console saw at {@code at}. Its id is derived from the time, negative so it never
     * meets a history entry's, and the same in every reading so a picked spike stays picked.
     */
    public static EventMarker lagSpike(String job, Instant at, String message) {
        return new EventMarker(new HistoryEntry(-1 - at.toEpochMilli(), job, at, "LAG_SPIKE", null, -1, ConsoleState.ACTOR,
                message, null),
                Severity.WARNING, true);
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
                + " (" + entry.at() + ")" + (fromSamples ? ", seen in the samples" : ", recorded by " + entry.actor());
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
