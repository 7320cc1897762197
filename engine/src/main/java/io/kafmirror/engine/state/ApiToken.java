package io.kafmirror.engine.state;

import io.kafmirror.engine.access.Role;
import java.time.Instant;

/**
 * An API token for headless use, as {@code kaf-mirror users token list} shows it; its secret is never stored.
 *
 * @param expires when it stops working, or {@code null} for never
 * @param revoked when it was revoked, or {@code null}
 */
public record ApiToken(String name, Role role, Instant created, String createdBy, Instant expires, Instant revoked) {
}
