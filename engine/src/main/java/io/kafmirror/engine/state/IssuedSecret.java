package io.kafmirror.engine.state;

import io.kafmirror.engine.access.Principal;
import java.time.Instant;

/**
 * A new API token or login session: its secret, shown once and then only its SHA-256 is kept.
 *
 * @param principal who presents it acts as
 * @param expires   when it stops working, or {@code null} for never
 */
public record IssuedSecret(String secret, Principal principal, Instant expires) {

    @Override
    public String toString() {
        return "IssuedSecret[secret=[redacted], principal=" + principal + ", expires=" + expires + "]";
    }
}
