package io.kafmirror.engine.drill;

import io.kafmirror.engine.config.DrillSchedule;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * When a scheduled drill is due. Its slots are its time of day in its zone (UTC unless given), every day, week or month;
 * a drill is due when no run of it that ended started since its latest slot, so one missed while kaf-mirror was stopped
 * (or interrupted by the stop) runs once at the next start, however many slots it missed, and a schedule that never ran
 * is due at once.
 */
public final class DrillCalendar {

    private final DrillSchedule schedule;

    /** The calendar of {@code schedule}. */
    public DrillCalendar(DrillSchedule schedule) {
        this.schedule = schedule;
    }

    /** The latest slot at or before {@code now}. */
    public Instant latestSlot(Instant now) {
        ZonedDateTime local = now.atZone(schedule.zoneId());
        ZonedDateTime slot = slotIn(local.toLocalDate());
        if (slot.toInstant().isAfter(now)) {
            slot = slotIn(switch (schedule.every()) {
                case DAILY -> local.toLocalDate().minusDays(1);
                case WEEKLY -> local.toLocalDate().minusWeeks(1);
                case MONTHLY -> local.toLocalDate().minusMonths(1);
            });
        }
        return slot.toInstant();
    }

    /** Whether the drill is due at {@code now}, its last run that ended having started at {@code lastRun} (empty: never). */
    public boolean due(Instant now, Optional<Instant> lastRun) {
        return lastRun.isEmpty() || lastRun.get().isBefore(latestSlot(now));
    }

    // The slot of the day, week or month that holds the date; a time a DST change skips runs as late as the change.
    private ZonedDateTime slotIn(LocalDate date) {
        LocalDate day = switch (schedule.every()) {
            case DAILY -> date;
            case WEEKLY -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.of(schedule.day())));
            case MONTHLY -> date.withDayOfMonth(Math.min(schedule.day(), date.lengthOfMonth()));
        };
        return ZonedDateTime.of(day, schedule.time(), schedule.zoneId());
    }
}
