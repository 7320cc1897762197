package io.kafmirror.ui.users;

import io.kafmirror.engine.state.UserAccount;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One line of the users table, times in the console's zone.
 *
 * @param account the user as stored
 * @param zone    the zone its times are shown in
 */
public record UserRow(UserAccount account, ZoneId zone) {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Whether it can still log in, so it can be changed. */
    public boolean active() {
        return account.removed() == null;
    }

    /** When it was created, local time. */
    public String createdText() {
        return local(account.created(), "");
    }

    /** When it last logged in with its password, or {@code never}. */
    public String lastLoginText() {
        return local(account.lastLogin(), "never");
    }

    /** When it was removed, empty while it is active. */
    public String removedText() {
        return local(account.removed(), "");
    }

    static String local(Instant at, String none, ZoneId zone) {
        return at == null ? none : TIME.format(at.atZone(zone));
    }

    private String local(Instant at, String none) {
        return local(at, none, zone);
    }
}
