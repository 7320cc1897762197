package io.kafmirror.app.cli;

import java.time.Instant;
import java.util.Locale;

/** Renders byte counts and timestamps the way operators read them. */
final class Sizes {

    private Sizes() {
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    static String time(long epochMillis) {
        return epochMillis < 0 ? "-" : Instant.ofEpochMilli(epochMillis).toString();
    }
}
