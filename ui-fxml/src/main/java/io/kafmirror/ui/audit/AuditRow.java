package io.kafmirror.ui.audit;

import io.kafmirror.engine.state.AuditEntry;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One audit entry as the Audit log screen shows it, times in the console's zone.
 *
 * @param entry the entry
 * @param zone  the zone times are shown in
 */
public record AuditRow(AuditEntry entry, ZoneId zone) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    /** When it was appended, local time. */
    public String timeText() {
        return TIME.format(entry.at().atZone(zone));
    }

    /** {@code ok}, {@code refused} or {@code failed}. */
    public String outcomeText() {
        return entry.outcome().name().toLowerCase(Locale.ROOT);
    }

    /** Every field, hashes included, for the details pane. */
    public String details() {
        return "Entry " + entry.seq() + " at " + timeText() + " (" + entry.at() + ")\n"
                + entry.actor() + " " + entry.action() + " " + entry.target() + ": " + outcomeText()
                + (entry.reason() == null ? "" : " — " + entry.reason()) + "\n"
                + "Parameters: " + entry.parameters() + "\n"
                + "Hash: " + entry.hash() + "\nPrevious hash: " + entry.previousHash();
    }
}
