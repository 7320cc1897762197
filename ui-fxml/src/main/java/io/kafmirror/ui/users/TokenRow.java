package io.kafmirror.ui.users;

import io.kafmirror.engine.state.ApiToken;
import java.time.ZoneId;

/**
 * One line of the API tokens table, times in the console's zone; the secret is never stored, so never shown here.
 *
 * @param token the token as stored
 * @param zone  the zone its times are shown in
 */
public record TokenRow(ApiToken token, ZoneId zone) {

    /** Whether it was revoked, so it cannot be revoked again. */
    public boolean revoked() {
        return token.revoked() != null;
    }

    /** When it was created, local time. */
    public String createdText() {
        return UserRow.local(token.created(), "", zone);
    }

    /** When it stops working, or {@code never}. */
    public String expiresText() {
        return UserRow.local(token.expires(), "never", zone);
    }

    /** When it was revoked, empty while it works. */
    public String revokedText() {
        return UserRow.local(token.revoked(), "", zone);
    }
}
