package io.kafmirror.engine.restore;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a restore ends: an instant, cut by the rule of {@code docs/restore.md}, or per partition the
 * first offset not restored.
 */
public sealed interface RestorePoint {

    /** The state of the log as it was at {@code at}, to the millisecond. */
    record AtTime(Instant at) implements RestorePoint {
    }

    /** Per partition, the first offset that is not restored; partitions not named are not restored. */
    record AtOffsets(Map<Integer, Long> ends) implements RestorePoint {
        /** Copies the map, sorted by partition. */
        public AtOffsets {
            ends = Map.copyOf(new TreeMap<>(ends));
        }
    }

    /**
     * Reads a restore time: ISO-8601 with a zone or offset ({@code 2026-05-13T14:23:00Z},
     * {@code 2026-05-13T16:23:00+02:00[Europe/Paris]}) or epoch milliseconds.
     */
    static AtTime parseTime(String text) {
        String t = text.strip();
        if (t.matches("-?\\d{1,19}")) {
            return new AtTime(Instant.ofEpochMilli(Long.parseLong(t)));
        }
        try {
            return new AtTime(Instant.parse(t));
        } catch (DateTimeParseException notInstant) {
            try {
                return new AtTime(OffsetDateTime.parse(t).toInstant());
            } catch (DateTimeParseException notOffset) {
                try {
                    return new AtTime(ZonedDateTime.parse(t).toInstant());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("'" + text + "' is not a restore time: write an ISO-8601 time with"
                            + " its zone, e.g. 2026-05-13T14:23:00Z or 2026-05-13T16:23:00+02:00, or epoch milliseconds", e);
                }
            }
        }
    }
}
