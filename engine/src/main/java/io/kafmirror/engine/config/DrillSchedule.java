package io.kafmirror.engine.config;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * A restore drill a job runs on a schedule ({@code jobs.<name>.drills}): which of its topics, how, where and when.
 *
 * @param every  daily, weekly or monthly (required)
 * @param at     the time of day, {@code HH:mm}, in {@code zone}; default 00:00
 * @param on     for weekly, the weekday (monday … sunday, default monday); for monthly, the day of the month (1 … 31,
 *               default 1; a shorter month runs on its last day); not allowed for daily
 * @param zone   the time zone of {@code at}, e.g. Europe/Paris; default UTC
 * @param topics the source topics drilled (required, at least one)
 * @param mode   restore (default) into a scratch topic, or verify the stored segments without producing
 * @param target the configured cluster a restore drill writes its scratch topic to; default the job's source cluster
 */
public record DrillSchedule(DrillFrequency every, String at, String on, String zone, List<String> topics, DrillMode mode,
                            String target) {

    /** Checks every field and applies the defaults. */
    public DrillSchedule {
        if (every == null) {
            throw ConfigException.at("every", "is required: daily, weekly or monthly");
        }
        at = at == null ? "00:00" : at.strip();
        time(at);
        zone = zone == null ? "UTC" : zone.strip();
        zoneId(zone);
        on = on == null ? null : on.strip().toLowerCase(Locale.ROOT);
        day(every, on);
        if (topics == null || topics.isEmpty() || topics.stream().anyMatch(t -> t == null || t.isBlank())) {
            throw ConfigException.at("topics", "is required: the source topics to drill, e.g. [orders, payments]");
        }
        topics = List.copyOf(topics);
        mode = mode == null ? DrillMode.RESTORE : mode;
        if (mode == DrillMode.VERIFY && target != null) {
            throw ConfigException.at("target", "applies to mode restore only: a verify drill writes nowhere");
        }
    }

    /** The time of day the drill runs. */
    public LocalTime time() {
        return time(at);
    }

    /** The zone of {@link #time()}. */
    public ZoneId zoneId() {
        return zoneId(zone);
    }

    /** The day of the week of a weekly drill, of the month (1–31) of a monthly one; 0 for a daily one. */
    public int day() {
        return day(every, on);
    }

    /** How this schedule is named in drill results: e.g. {@code weekly on monday at 02:00 UTC, restore of orders}. */
    public String describe() {
        String when = switch (every) {
            case DAILY -> "daily";
            case WEEKLY -> "weekly on " + DayOfWeek.of(day()).name().toLowerCase(Locale.ROOT);
            case MONTHLY -> "monthly on day " + day();
        };
        return when + " at " + at + " " + zone + ", " + mode.name().toLowerCase(Locale.ROOT) + " of " + String.join(",", topics)
                + (target == null ? "" : " into " + target);
    }

    private static LocalTime time(String at) {
        try {
            if (!at.matches("\\d{2}:\\d{2}")) {
                throw new DateTimeParseException("not HH:mm", at, 0);
            }
            return LocalTime.parse(at);
        } catch (DateTimeParseException e) {
            throw ConfigException.at("at", "'" + at + "' is not a time of day: write it as HH:mm, e.g. \"02:00\" (in zone, UTC"
                    + " unless given)");
        }
    }

    private static ZoneId zoneId(String zone) {
        try {
            return zone.equals("UTC") ? ZoneOffset.UTC : ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw ConfigException.at("zone", "'" + zone + "' is not a time zone: write a region such as Europe/Paris, or UTC");
        }
    }

    private static int day(DrillFrequency every, String on) {
        switch (every) {
            case DAILY -> {
                if (on != null) {
                    throw ConfigException.at("on", "applies to weekly and monthly drills only");
                }
                return 0;
            }
            case WEEKLY -> {
                if (on == null) {
                    return DayOfWeek.MONDAY.getValue();
                }
                try {
                    return DayOfWeek.valueOf(on.toUpperCase(Locale.ROOT)).getValue();
                } catch (IllegalArgumentException e) {
                    throw ConfigException.at("on", "'" + on + "' is not a weekday: write monday, tuesday, … or sunday");
                }
            }
            default -> {
                if (on == null) {
                    return 1;
                }
                if (!on.matches("\\d{1,2}") || Integer.parseInt(on) < 1 || Integer.parseInt(on) > 31) {
                    throw ConfigException.at("on", "'" + on + "' is not a day of the month: write 1 to 31 (a shorter month"
                            + " runs on its last day)");
                }
                return Integer.parseInt(on);
            }
        }
    }
}
