package io.kafmirror.engine.evidence;

import java.time.Instant;
import java.util.Objects;

/**
 * The period an evidence pack covers, both ends included.
 *
 * @param from the first instant covered
 * @param to   the last instant covered
 */
public record EvidencePeriod(Instant from, Instant to) {

    /** Checks that the period starts no later than it ends. */
    public EvidencePeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("The evidence period starts at " + from + " (--from), after its end " + to
                    + " (--to): give a start before the end");
        }
    }

    /** Whether {@code at} lies in the period. */
    public boolean contains(Instant at) {
        return !at.isBefore(from) && !at.isAfter(to);
    }
}
