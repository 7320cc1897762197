package io.kafmirror.engine.anomaly;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongFunction;

/**
 * A topic config that decides how long the source keeps records, so that a change to it can make the source delete
 * data the backup may be the last copy of. Each knows when a new value deletes sooner ("lowered") and how to say a
 * value in plain words.
 */
public enum RetentionSetting {

    /** How long records are kept; -1 (any negative value) keeps them for ever. */
    RETENTION_MS("retention.ms", PlainUnits::duration, "the source will delete records older than %s"),
    /** How many bytes a partition keeps; -1 (any negative value) sets no bound. */
    RETENTION_BYTES("retention.bytes", PlainUnits::size,
            "the source will delete a partition's oldest records once it holds more than %s"),
    /**
     * {@code delete}, {@code compact} or both: only with {@code delete} do the two retention limits delete records.
     * A policy is never a number, so its values are written as they are.
     */
    CLEANUP_POLICY("cleanup.policy", Long::toString,
            "the source will now delete records once they are past retention.ms or retention.bytes") {
        @Override
        boolean lowers(String before, String after) {
            return !policies(before).contains("delete") && policies(after).contains("delete");
        }

        @Override
        boolean same(String before, String after) {
            return policies(before).equals(policies(after));
        }
    };

    private final String key;
    private final LongFunction<String> limit;
    private final String consequence;

    RetentionSetting(String key, LongFunction<String> limit, String consequence) {
        this.key = key;
        this.limit = limit;
        this.consequence = consequence;
    }

    /** The config's name, e.g. {@code retention.ms}. */
    public String key() {
        return key;
    }

    /** {@code value} in plain words: {@code 604800000} is "7 days", {@code -1} "unlimited"; a policy as it is. */
    public String words(String value) {
        Long number = number(value);
        return number == null ? value : number < 0 ? "unlimited" : limit.apply(number);
    }

    /** What the source does differently after a change to {@code after} that {@link #lowers} says deletes sooner. */
    String consequence(String after) {
        return consequence.formatted(words(after));
    }

    /**
     * Whether going from {@code before} to {@code after} makes the source delete records sooner: a limit where there
     * was none, or a smaller one. A value that is not a number is never judged lowered.
     */
    boolean lowers(String before, String after) {
        Long was = number(before);
        Long is = number(after);
        return was != null && is != null && is >= 0 && (was < 0 || is < was);
    }

    /** Whether the two values mean the same. */
    boolean same(String before, String after) {
        return before.equals(after);
    }

    /** The verb of a change that does not lower: "raised" for a larger limit, "changed" otherwise. */
    String verbNotLowering(String before, String after) {
        Long was = number(before);
        Long is = number(after);
        return was != null && is != null && was >= 0 && (is < 0 || is > was) ? "raised" : "changed";
    }

    private static Long number(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Set<String> policies(String value) {
        Set<String> policies = new TreeSet<>();
        Arrays.stream(value.split(",")).map(p -> p.trim().toLowerCase(Locale.ROOT)).filter(p -> !p.isEmpty())
                .forEach(policies::add);
        return policies;
    }
}
