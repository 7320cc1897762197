package io.kafmirror.engine.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 30d}, a
 * sequence such as {@code 1h30m}, or ISO-8601 ({@code PT30S}, {@code P30D}). Units are lower case
 * because {@code M} would be ambiguous (minutes or months); a day is 24 hours.
 */
public final class DurationText {

    private static final Pattern WHOLE = Pattern.compile("(?:\\d+\\s*(?:ms|s|m|h|d)\\s*)+");
    private static final Pattern PART = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final String HOW = "write a whole number with a unit (500ms, 30s, 5m, 2h, 30d), a sequence"
            + " such as 1h30m, or ISO-8601 such as PT30S";

    private DurationText() {
    }

    /** The duration {@code text} stands for, never negative; an {@link IllegalArgumentException} says what is wrong. */
    public static Duration parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.startsWith("P") || trimmed.startsWith("p")) {
            return parseIso(text, trimmed);
        }
        if (!WHOLE.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: " + HOW);
        }
        Matcher part = PART.matcher(trimmed);
        Duration total = Duration.ZERO;
        try {
            while (part.find()) {
                long number = Long.parseLong(part.group(1));
                total = total.plus(switch (part.group(2)) {
                    case "ms" -> Duration.ofMillis(number);
                    case "s" -> Duration.ofSeconds(number);
                    case "m" -> Duration.ofMinutes(number);
                    case "h" -> Duration.ofHours(number);
                    default -> Duration.ofDays(number);
                });
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration", e);
        }
        return total;
    }

    /** {@code duration} in the units above, largest first, e.g. {@code 1h30m}; ISO-8601 below a millisecond. */
    public static String format(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("A duration cannot be negative: " + duration);
        }
        if (duration.getNano() % 1_000_000 != 0) {
            return duration.toString();
        }
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        append(text, duration.toDays(), "d");
        append(text, duration.toHoursPart(), "h");
        append(text, duration.toMinutesPart(), "m");
        append(text, duration.toSecondsPart(), "s");
        append(text, duration.toMillisPart(), "ms");
        return text.toString();
    }

    private static Duration parseIso(String text, String trimmed) {
        Duration duration;
        try {
            duration = Duration.parse(trimmed);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration: " + HOW, e);
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("'" + text + "' is negative: durations here are lengths of time");
        }
        return duration;
    }

    private static void append(StringBuilder text, long number, String unit) {
        if (number != 0) {
            text.append(number).append(unit);
        }
    }
}
