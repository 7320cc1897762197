package io.kafmirror.kfs.store;

import java.time.Instant;

/**
 * An Object Lock retention: a mode and the instant until which the object is protected.
 *
 * @param mode        the lock mode, or {@code null} for no retention
 * @param retainUntil the end of protection, or {@code null} for no retention
 */
public record ObjectRetention(RetentionMode mode, Instant retainUntil) {

    /** No retention. */
    public static final ObjectRetention NONE = new ObjectRetention(null, null);

    public ObjectRetention {
        if ((mode == null) != (retainUntil == null)) {
            throw new IllegalArgumentException("A retention needs both a mode and a retain-until date, or neither");
        }
    }

    /** Retention of {@code mode} until {@code retainUntil}. */
    public static ObjectRetention of(RetentionMode mode, Instant retainUntil) {
        return new ObjectRetention(mode, retainUntil);
    }

    /** Whether this carries a retention at all. */
    public boolean isSet() {
        return mode != null;
    }

    /** Whether this retention still protects the object at {@code now}. */
    public boolean protectsAt(Instant now) {
        return isSet() && retainUntil.isAfter(now);
    }
}
