package io.kafmirror.ui.evidence;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/** The periods a compliance user usually reports on, as the first and last day (both included) seen from {@code today}. */
public enum PeriodPreset {
    /** The last seven days, today included (up to the export). */
    LAST_7_DAYS,
    /** The last complete calendar month. */
    LAST_MONTH,
    /** The last complete calendar quarter. */
    LAST_QUARTER;

    /** The first day of the period seen from {@code today}. */
    public LocalDate from(LocalDate today) {
        return switch (this) {
            case LAST_7_DAYS -> today.minusDays(6);
            case LAST_MONTH -> today.minusMonths(1).withDayOfMonth(1);
            case LAST_QUARTER -> quarterStart(today).minusMonths(3);
        };
    }

    /** The last day of the period seen from {@code today}. */
    public LocalDate to(LocalDate today) {
        return switch (this) {
            case LAST_7_DAYS -> today;
            case LAST_MONTH -> today.withDayOfMonth(1).minusDays(1);
            case LAST_QUARTER -> quarterStart(today).minusDays(1);
        };
    }

    private static LocalDate quarterStart(LocalDate day) {
        return day.with(IsoFields.DAY_OF_QUARTER, 1);
    }
}
