package io.kafmirror.ui.restore;

import java.util.Locale;

/** The most record data a restore writes per second, as the operator types it in MB/s ({@code --max-rate}). */
final class RateLimit {

    private RateLimit() {
    }

    /** Bytes per second for {@code text} in MB/s (10^6 bytes); 0, no limit, for a blank text. */
    static long bytesPerSecond(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            return 0;
        }
        double mb;
        try {
            mb = Double.parseDouble(trimmed.replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Max rate '" + trimmed + "' is not a number: give MB/s such as 50 or 2.5,"
                    + " or leave it empty for no limit");
        }
        if (!(mb > 0) || Double.isInfinite(mb)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "Max rate %s MB/s must be above 0;"
                    + " leave it empty for no limit", trimmed));
        }
        return Math.max(1, (long) (mb * 1_000_000));
    }
}
