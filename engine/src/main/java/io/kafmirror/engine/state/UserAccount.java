package io.kafmirror.engine.state;

import io.kafmirror.engine.access.Role;
import java.time.Instant;

/**
 * A local user, as {@code kaf-mirror users list} shows it; the password hash stays in the database.
 *
 * @param removed   when it was removed, or {@code null}: a removed user cannot log in
 * @param lastLogin when it last logged in with its password, or {@code null} if never
 */
public record UserAccount(String name, Role role, Instant created, String createdBy, Instant removed, Instant lastLogin) {
}
