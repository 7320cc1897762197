package io.kafmirror.engine.evidence;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * How often evidence packs are exported into a folder: each pack covers one whole UTC day, ISO week (Monday to Sunday)
 * or calendar month, its end included to the millisecond, and is named for it:
 * {@code evidence-daily-2026-12-02.zip}, {@code evidence-weekly-2026-W49.zip}, {@code evidence-monthly-2026-11.zip}.
 */
public enum ExportSchedule {
    /** One pack per UTC day. */
    DAILY,
    /** One pack per ISO week, Monday 00:00 UTC to Sunday 23:59:59.999 UTC. */
    WEEKLY,
    /** One pack per calendar month, UTC. */
    MONTHLY;

    /** The last period that ended at or before {@code now}. */
    public EvidencePeriod lastComplete(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate currentStart = switch (this) {
            case DAILY -> today;
            case WEEKLY -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHLY -> today.withDayOfMonth(1);
        };
        return before(currentStart);
    }

    /** The period just before {@code period}. */
    public EvidencePeriod previous(EvidencePeriod period) {
        return before(LocalDate.ofInstant(period.from(), ZoneOffset.UTC));
    }

    /** The pack's file name for {@code period}, one of this schedule's. */
    public String fileName(EvidencePeriod period) {
        LocalDate start = LocalDate.ofInstant(period.from(), ZoneOffset.UTC);
        String label = switch (this) {
            case DAILY -> start.toString();
            case WEEKLY -> String.format(Locale.ROOT, "%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR),
                    start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTHLY -> String.format(Locale.ROOT, "%d-%02d", start.getYear(), start.getMonthValue());
        };
        return "evidence-" + name().toLowerCase(Locale.ROOT) + "-" + label + ".zip";
    }

    private EvidencePeriod before(LocalDate end) {
        LocalDate start = switch (this) {
            case DAILY -> end.minusDays(1);
            case WEEKLY -> end.minusWeeks(1);
            case MONTHLY -> end.minusMonths(1);
        };
        return new EvidencePeriod(start.atStartOfDay(ZoneOffset.UTC).toInstant(),
                end.atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1));
    }
}
