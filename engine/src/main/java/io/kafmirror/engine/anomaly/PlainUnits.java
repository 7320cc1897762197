package io.kafmirror.engine.anomaly;

import java.util.Locale;

/** Numbers as an operator reads them in an anomaly's sentence: "7 days", "1 GiB", "1,204". */
final class PlainUnits {

    private static final long[] MILLIS = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
    private static final String[] TIME_UNITS = {"day", "hour", "minute", "second"};
    private static final String[] SIZE_UNITS = {"TiB", "GiB", "MiB", "KiB"};

    private PlainUnits() {
    }

    /** {@code millis} (not negative) in the largest unit that divides it exactly, e.g. "7 days", "90 minutes", "1,500 ms". */
    static String duration(long millis) {
        for (int i = 0; i < MILLIS.length; i++) {
            if (millis >= MILLIS[i] && millis % MILLIS[i] == 0) {
                long count = millis / MILLIS[i];
                return count(count) + " " + TIME_UNITS[i] + (count == 1 ? "" : "s");
            }
        }
        return count(millis) + " ms";
    }

    /** {@code millis} (not negative) rounded to the largest unit it reaches, e.g. "2 days", "47 hours", "1,500 ms". */
    static String roughly(long millis) {
        for (int i = 0; i < MILLIS.length; i++) {
            if (millis >= MILLIS[i]) {
                long count = Math.round(millis / (double) MILLIS[i]);
                return count(count) + " " + TIME_UNITS[i] + (count == 1 ? "" : "s");
            }
        }
        return count(millis) + " ms";
    }

    /** {@code bytes} (not negative) in the largest binary unit that divides it exactly, e.g. "1 GiB", "1,000 bytes". */
    static String size(long bytes) {
        for (int i = 0; i < SIZE_UNITS.length; i++) {
            long unit = 1L << (10 * (SIZE_UNITS.length - i));
            if (bytes >= unit && bytes % unit == 0) {
                return count(bytes / unit) + " " + SIZE_UNITS[i];
            }
        }
        return count(bytes) + (bytes == 1 ? " byte" : " bytes");
    }

    /** {@code n} with thousands separated by commas, whatever the machine's locale. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
