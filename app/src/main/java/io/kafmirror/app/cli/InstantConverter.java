package io.kafmirror.app.cli;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/** Reads a point in time as ISO-8601 with a zone ({@code 2026-11-25T09:13:00+01:00}, {@code ...Z}) or as epoch milliseconds. */
public final class InstantConverter implements CommandLine.ITypeConverter<Instant> {

    @Override
    public Instant convert(String value) {
        String v = value.trim();
        if (v.matches("-?\\d+")) {
            return Instant.ofEpochMilli(Long.parseLong(v));
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return ZonedDateTime.parse(v).toInstant();
            } catch (DateTimeParseException notZoned) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a point in time: use ISO-8601 with a zone, "
                        + "e.g. 2026-11-25T09:13:00Z or 2026-11-25T09:13:00+01:00, or epoch milliseconds");
            }
        }
    }
}
