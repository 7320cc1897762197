package io.kafmirror.engine.state;

import io.kafmirror.engine.mirror.Severity;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

/**
 * Which alerts to read: of one job or all, in some states, of some severities, between two instants (both included), at
 * most {@code limit} of them, newest first.
 *
 * @param job        the job's name, or {@code null} for every job
 * @param states     the states wanted; empty for all
 * @param severities the severities wanted; empty for all
 * @param from       the earliest time included
 * @param to         the latest time included
 * @param limit      how many alerts at most
 */
public record AlertFilter(String job, Set<AlertState> states, Set<Severity> severities, Instant from, Instant to, int limit) {

    /** Checks the range and limit. */
    public AlertFilter {
        states = Set.copyOf(states);
        severities = Set.copyOf(severities);
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("The alert range starts at " + from + ", after its end " + to + ": swap them");
        }
        if (limit <= 0) {
            throw new IllegalArgumentException("An alert limit must be positive, not " + limit);
        }
    }

    /** The newest {@value HistoryFilter#DEFAULT_LIMIT} alerts of every job, in every state. */
    public static AlertFilter all() {
        return new AlertFilter(null, Set.of(), Set.of(), Instant.EPOCH, Instant.ofEpochMilli(Long.MAX_VALUE), HistoryFilter.DEFAULT_LIMIT);
    }

    /** The newest {@value HistoryFilter#DEFAULT_LIMIT} open alerts of every job. */
    public static AlertFilter open() {
        return all().states(AlertState.OPEN);
    }

    /** This filter for {@code job} only, or every job for {@code null}. */
    public AlertFilter forJob(String job) {
        return new AlertFilter(job, states, severities, from, to, limit);
    }

    /** This filter for alerts in one of {@code wanted}. */
    public AlertFilter states(AlertState... wanted) {
        return new AlertFilter(job, Set.copyOf(Arrays.asList(wanted)), severities, from, to, limit);
    }

    /** This filter for alerts of one of {@code wanted}. */
    public AlertFilter severities(Severity... wanted) {
        return new AlertFilter(job, states, Set.copyOf(Arrays.asList(wanted)), from, to, limit);
    }

    /** This filter for alerts from {@code from} to {@code to}, both included. */
    public AlertFilter between(Instant from, Instant to) {
        return new AlertFilter(job, states, severities, from, to, limit);
    }

    /** This filter returning at most {@code limit} alerts. */
    public AlertFilter limit(int limit) {
        return new AlertFilter(job, states, severities, from, to, limit);
    }
}
