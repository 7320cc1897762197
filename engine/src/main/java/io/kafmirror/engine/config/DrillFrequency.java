package io.kafmirror.engine.config;

/** How often a scheduled restore drill runs. */
public enum DrillFrequency {
    /** Every day at the drill's time. */
    DAILY,
    /** Every week on the drill's weekday (Monday unless given) at its time. */
    WEEKLY,
    /** Every month on the drill's day (the 1st unless given; the month's last day when it is shorter) at its time. */
    MONTHLY
}
