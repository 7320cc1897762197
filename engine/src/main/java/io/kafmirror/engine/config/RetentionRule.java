package io.kafmirror.engine.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.kafmirror.kfs.store.ObjectRetention;
import io.kafmirror.kfs.store.RetentionMode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long a segment is locked after it is sealed, and how firmly: {@code { mode: compliance, duration: 30d }},
 * or {@code none} for segments that are not locked at all.
 *
 * @param mode     the Object Lock mode, {@code null} for {@link #NONE}
 * @param duration how long after sealing the lock holds, {@code null} for {@link #NONE}
 */
public record RetentionRule(RetentionMode mode, Duration duration) {

    /** No lock. */
    public static final RetentionRule NONE = new RetentionRule(null, null);

    private static final String NONE_TEXT = "none";

    /** Checks that mode and duration come together and the duration is positive. */
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public RetentionRule {
        if (mode == null && duration != null) {
            throw ConfigException.at("mode", "is required with a duration: compliance (nobody can delete before it"
                    + " expires) or governance (privileged users can)");
        }
        if (mode != null && (duration == null || duration.isZero())) {
            throw ConfigException.at("duration", "is required with a mode and must be positive, e.g. 30d");
        }
    }

    /** {@code none}, the only rule written as a single word. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static RetentionRule fromWord(String word) {
        if (!NONE_TEXT.equalsIgnoreCase(word.strip())) {
            throw ConfigException.of("'" + word + "' is not a retention rule: write none, or { mode: compliance|governance,"
                    + " duration: 30d }");
        }
        return NONE;
    }

    /** The retention of a segment sealed at {@code sealedAt}; {@link ObjectRetention#NONE} for {@link #NONE}. */
    public ObjectRetention from(Instant sealedAt) {
        return mode == null ? ObjectRetention.NONE : ObjectRetention.of(mode, sealedAt.plus(duration));
    }

    /** {@code none}, or mode and duration. */
    @JsonValue
    Object written() {
        if (mode == null) {
            return NONE_TEXT;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("mode", mode);
        fields.put("duration", duration);
        return fields;
    }
}
