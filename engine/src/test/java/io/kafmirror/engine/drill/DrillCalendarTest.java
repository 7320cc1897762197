package io.kafmirror.engine.drill;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.config.DrillFrequency;
import io.kafmirror.engine.config.DrillSchedule;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When scheduled drills are due: daily, weekly and monthly slots, in UTC and in a zone, and drills missed while stopped. */
class DrillCalendarTest {

    @Test
    void aDailyDrillIsDueOnceItsTimeOfDayPassedInUtcUnlessAZoneIsGiven() {
        DrillCalendar utc = calendar(DrillFrequency.DAILY, "02:00", null, null);
        assertThat(utc.latestSlot(at("2026-12-03T01:59:59Z"))).isEqualTo(at("2026-12-02T02:00:00Z"));
        assertThat(utc.latestSlot(at("2026-12-03T02:00:00Z"))).isEqualTo(at("2026-12-03T02:00:00Z"));

        DrillCalendar paris = calendar(DrillFrequency.DAILY, "02:00", null, "Europe/Paris");
        assertThat(paris.latestSlot(at("2026-12-03T01:30:00Z"))).isEqualTo(at("2026-12-03T01:00:00Z"));
        // Summer time: 02:00 in Paris is 00:00 UTC.
        assertThat(paris.latestSlot(at("2026-07-01T00:30:00Z"))).isEqualTo(at("2026-07-01T00:00:00Z"));
    }

    @Test
    void aWeeklyDrillRunsOnItsWeekday() {
        // 2026-12-03 is a Thursday.
        DrillCalendar monday = calendar(DrillFrequency.WEEKLY, "03:15", null, null);
        assertThat(monday.latestSlot(at("2026-12-03T12:00:00Z"))).isEqualTo(at("2026-11-30T03:15:00Z"));
        DrillCalendar thursday = calendar(DrillFrequency.WEEKLY, "03:15", "thursday", null);
        assertThat(thursday.latestSlot(at("2026-12-03T03:14:00Z"))).isEqualTo(at("2026-11-26T03:15:00Z"));
        assertThat(thursday.latestSlot(at("2026-12-03T03:16:00Z"))).isEqualTo(at("2026-12-03T03:15:00Z"));
    }

    @Test
    void aMonthlyDrillRunsOnItsDayOrTheLastDayOfAShorterMonth() {
        DrillCalendar first = calendar(DrillFrequency.MONTHLY, "00:00", null, null);
        assertThat(first.latestSlot(at("2026-12-03T12:00:00Z"))).isEqualTo(at("2026-12-01T00:00:00Z"));
        DrillCalendar thirtyFirst = calendar(DrillFrequency.MONTHLY, "04:00", "31", null);
        assertThat(thirtyFirst.latestSlot(at("2026-03-01T00:00:00Z"))).isEqualTo(at("2026-02-28T04:00:00Z"));
        assertThat(thirtyFirst.latestSlot(at("2026-12-03T12:00:00Z"))).isEqualTo(at("2026-11-30T04:00:00Z"));
    }

    @Test
    void aDrillMissedWhileStoppedIsDueOnceAndANeverRunScheduleAtOnce() {
        DrillCalendar daily = calendar(DrillFrequency.DAILY, "02:00", null, null);
        Instant start = at("2026-12-03T09:00:00Z");
        // Stopped for three days: the last run was on the 30th; due once, at start.
        assertThat(daily.due(start, Optional.of(at("2026-11-30T02:00:01Z")))).isTrue();
        // Once it ran at start, not again until the next slot.
        assertThat(daily.due(at("2026-12-03T09:05:00Z"), Optional.of(start))).isFalse();
        assertThat(daily.due(at("2026-12-04T01:59:00Z"), Optional.of(start))).isFalse();
        assertThat(daily.due(at("2026-12-04T02:00:00Z"), Optional.of(start))).isTrue();
        assertThat(daily.due(start, Optional.empty())).isTrue();
    }

    private static DrillCalendar calendar(DrillFrequency every, String at, String on, String zone) {
        return new DrillCalendar(new DrillSchedule(every, at, on, zone, List.of("orders"), null, null));
    }

    private static Instant at(String text) {
        return Instant.parse(text);
    }
}
