package io.kafmirror.ui.restore;

import io.kafmirror.engine.restore.RestorePoint;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The restore point as the operator reads and types it: ISO-8601 in UTC, always to the millisecond. */
final class PointText {

    // Fixed millisecond digits, so the field's width does not jump while dragging across whole seconds.
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);

    private PointText() {
    }

    /** {@code at} as e.g. {@code 2026-12-02T09:13:00.000Z}. */
    static String format(Instant at) {
        return FORMAT.format(at);
    }

    /** The instant {@code text} names, as the CLI's {@code --to} reads it; an {@link IllegalArgumentException} says why not. */
    static Instant parse(String text) {
        return RestorePoint.parseTime(text).at();
    }
}
