package io.kafmirror.engine.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte sizes as people write them: {@code 16MiB}, {@code 512KiB}, {@code 1GiB}, {@code 2TiB}, or a plain
 * number of bytes. Units are binary and case-insensitive; a space may separate number and unit.
 *
 * <p>Decimal units ({@code MB}, {@code GB}) are refused rather than guessed: some tools read them as
 * powers of 1000, others as powers of 1024, and a buffer limit that is 5% off is a surprise.
 */
public final class SizeText {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([A-Za-z]*)");
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private SizeText() {
    }

    /** The number of bytes {@code text} stands for; an {@link IllegalArgumentException} says what is wrong with it. */
    public static long parse(String text) {
        Matcher m = SIZE.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size: write a whole number with a binary unit,"
                    + " e.g. 16MiB, 512KiB, 1GiB, or a plain number of bytes");
        }
        int unit = unitIndex(m.group(2), text);
        long number;
        try {
            number = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw tooLarge(text);
        }
        if (Long.numberOfLeadingZeros(number) <= 10 * unit) {
            throw tooLarge(text);
        }
        return number << (10 * unit);
    }

    /** {@code bytes} in the largest unit that divides it exactly, e.g. {@code 16MiB}; the inverse of {@link #parse}. */
    public static String format(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("A size cannot be negative: " + bytes);
        }
        int unit = 0;
        long number = bytes;
        while (unit < UNITS.length - 1 && number != 0 && number % 1024 == 0) {
            number /= 1024;
            unit++;
        }
        return unit == 0 ? Long.toString(number) : number + UNITS[unit];
    }

    private static int unitIndex(String unit, String text) {
        if (unit.isEmpty()) {
            return 0;
        }
        for (int i = 0; i < UNITS.length; i++) {
            if (UNITS[i].equalsIgnoreCase(unit)) {
                return i;
            }
        }
        String lower = unit.toLowerCase(Locale.ROOT);
        String hint = switch (lower) {
            case "k", "kb" -> " (did you mean KiB, 1024 bytes?)";
            case "m", "mb" -> " (did you mean MiB, 1024 KiB?)";
            case "g", "gb" -> " (did you mean GiB, 1024 MiB?)";
            case "t", "tb" -> " (did you mean TiB, 1024 GiB?)";
            default -> "";
        };
        throw new IllegalArgumentException("'" + text + "' has the unknown size unit '" + unit + "'" + hint
                + ": use B, KiB, MiB, GiB or TiB");
    }

    private static IllegalArgumentException tooLarge(String text) {
        return new IllegalArgumentException("'" + text + "' is too large: sizes go up to 8 EiB minus one byte");
    }
}
