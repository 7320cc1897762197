package io.kafmirror.ui.dashboard;

import io.kafmirror.engine.state.HistoryEntry;
import io.kafmirror.ui.ConsoleState;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * An entry of a job's history, or an anomaly the console saw in its samples, drawn as a marker on its chart and
 * coloured by how much it matters.
 *
 * @param entry    the history entry, or for an anomaly one made up by the console (never written to the database)
 * @param severity how much it matters to the backup
 * @param anomaly  seen by the console in the samples rather than recorded in the history
 */
public record EventMarker(HistoryEntry entry, Severity severity, boolean anomaly) {

    /** How much an event matters to the backup. */
    public enum Severity {
        /** The backup has or may have a hole, or stopped: someone must look. */
        ERROR,
        /** The backup goes on, but differently than before. */
        WARNING,
        /** A change someone made, or the engine following the source. */
        INFO
    }

    // A source now deleting sooner and a group's offsets gone may both lose data only the backup still holds; a flood of
    // records is what a compromised producer or a replay writes. A stall, misdated records, values of another size and
    // header keys new or gone are looked at first.
    private static final Set<String> ERRORS = Set.of("GAP", "TOPIC_DELETED", "AUTH_FAILURE", "STORE_ERROR", "MIRROR_FAILED",
            "FORMAT_DRIFT", "THROUGHPUT_SPIKE", "RETENTION_LOWERED", "GROUP_OFFSETS_DELETED");
    private static final Set<String> WARNINGS = Set.of("TOPIC_RECREATED", "SNAPSHOT_INCOMPLETE", "GROUP_OFFSETS_RESET",
            "THROUGHPUT_DROP", "TIMESTAMP_SKEW", "RECORD_SIZE_SHIFT", "HEADER_KEYS_CHANGED");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** The list beside the chart is narrow: the year goes, the details keep it. */
    private static final DateTimeFormatter SHORT_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");

    /** The marker of {@code entry}. */
    public static EventMarker of(HistoryEntry entry) {
        Severity severity = ERRORS.contains(entry.type()) ? Severity.ERROR
                : WARNINGS.contains(entry.type()) ? Severity.WARNING : Severity.INFO;
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
                + " (" + entry.at() + ")" + (anomaly ? ", seen in the samples" : ", recorded by " + entry.actor());
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
