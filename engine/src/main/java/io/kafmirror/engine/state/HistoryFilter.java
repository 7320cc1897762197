package io.kafmirror.engine.state;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which history entries to read: of one job or all, between two instants (both included), of some
 * types or all, at most {@code limit} of them, newest first.
 *
 * @param job   the job's name, or {@code null} for every job
 * @param from  the earliest time included
 * @param to    the latest time included
 * @param types the {@link HistoryEntry#type()}s wanted; empty for all
 * @param limit how many entries at most
 */
public record HistoryFilter(String job, Instant from, Instant to, Set<String> types, int limit) {

    /** The default {@link #limit}. */
    public static final int DEFAULT_LIMIT = 1000;

    /** Checks the range and limit. */
    public HistoryFilter {
        types = Set.copyOf(types);
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("The history range starts at " + from + ", after its end " + to + ": swap them");
        }
        if (limit <= 0) {
            throw new IllegalArgumentException("A history limit must be positive, not " + limit);
        }
    }

    /** The newest {@value #DEFAULT_LIMIT} entries of every job. */
    public static HistoryFilter all() {
        return new HistoryFilter(null, Instant.EPOCH, Instant.ofEpochMilli(Long.MAX_VALUE), Set.of(), DEFAULT_LIMIT);
    }

    /** The newest {@value #DEFAULT_LIMIT} entries of {@code job}. */
    public static HistoryFilter of(String job) {
        return all().forJob(job);
    }

    /** This filter for {@code job} only. */
    public HistoryFilter forJob(String job) {
        return new HistoryFilter(job, from, to, types, limit);
    }

    /** This filter for entries from {@code from} to {@code to}, both included. */
    public HistoryFilter between(Instant from, Instant to) {
        return new HistoryFilter(job, from, to, types, limit);
    }

    /** This filter for entries of the given {@link Lifecycle} or {@link io.kafmirror.engine.mirror.MirrorEvent.Type}s only. */
    public HistoryFilter types(Enum<?>... wanted) {
        return new HistoryFilter(job, from, to, Arrays.stream(wanted).map(Enum::name).collect(Collectors.toSet()), limit);
    }

    /** This filter returning at most {@code limit} entries. */
    public HistoryFilter limit(int limit) {
        return new HistoryFilter(job, from, to, types, limit);
    }
}
