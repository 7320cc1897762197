package io.kafmirror.engine.state;

import java.time.Instant;

/**
 * Who acknowledged an {@link Alert}, and when.
 *
 * @param by      the operating-system user who did it (roles come with issue #6)
 * @param actor   the program it was done in ({@code cli}, {@code console})
 * @param at      when
 * @param comment what they said about it, or {@code null}
 */
public record Acknowledgement(String by, String actor, Instant at, String comment) {
}
