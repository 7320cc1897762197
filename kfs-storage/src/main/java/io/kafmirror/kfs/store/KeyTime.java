package io.kafmirror.kfs.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The time parts of object keys, all UTC and fixed width so that listing order is time order:
 * folders {@code yyyy/MM/dd/HH} and a stamp {@code yyyyMMdd'T'HHmmss.SSS'Z'}. Every kind of object
 * that lists by time ({@link SegmentKey}, snapshots) spells its time this way.
 */
public final class KeyTime {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy/MM/dd/HH").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** A stamp as it appears in a key, for key patterns. */
    public static final String STAMP_REGEX = "\\d{8}T\\d{6}\\.\\d{3}Z";

    private KeyTime() {
    }

    /**
     * {@code time} truncated to milliseconds, the precision keys keep; outside years 1970 to 9999 the
     * fields would change width and break time order, so such times are refused.
     */
    public static Instant keyable(Instant time) {
        Instant millis = time.truncatedTo(ChronoUnit.MILLIS);
        if (millis.getEpochSecond() < 0 || millis.atZone(ZoneOffset.UTC).getYear() > 9999) {
            throw new IllegalArgumentException("Time " + time + " is outside years 1970 to 9999");
        }
        return millis;
    }

    /** The day folders of {@code time}: {@code 2026/11/25}. */
    public static String dayFolder(Instant time) {
        return DAY.format(time);
    }

    /** The hour folders of {@code time}: {@code 2026/11/25/09}. */
    public static String hourFolder(Instant time) {
        return HOUR.format(time);
    }

    /** The stamp of {@code time}: {@code 20261125T091307.123Z}. */
    public static String stamp(Instant time) {
        return STAMP.format(time);
    }

    /** The instant a stamp written by {@link #stamp} stands for. */
    public static Instant parseStamp(String stamp) {
        return Instant.from(STAMP.parse(stamp));
    }
}
