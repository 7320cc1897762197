package io.kafmirror.engine.anomaly;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Watches the producer timestamps (CreateTime) of one topic's records and tells when some are far from when they were
 * written — a producer with a broken clock, or one replaying or forging old events — which misplaces them in every
 * point-in-time restore and in the source's own retention.
 *
 * <p>Two measures, each catch-up-proof. <em>Ahead</em>: a record stamped more than {@value #MIN_SKEW_MS} ms after the
 * engine read it cannot have been written yet. <em>Behind</em>: a record stamped more than the topic's usual lateness
 * before the newest timestamp already seen in its partition (not before the engine's clock, which a backup catching up
 * is far behind); the usual lateness is learned from the last {@value #HISTORY} records that were neither, as the
 * median plus six scaled median absolute deviations, at least {@value #MIN_SKEW_MS} ms. A skewed record does not move
 * its partition's newest timestamp.
 *
 * <p>Records are taken in windows of {@value #WINDOW} (or what a minute of reading brought): the first window with
 * skewed records reports them with their counts and the furthest; further ones are part of the same incident until
 * {@value #QUIET_WINDOWS} windows pass without any. Only CreateTime records are given to it: LogAppendTime is the
 * broker's clock. Not thread-safe.
 */
public final class TimestampSkew {

    static final long MIN_SKEW_MS = 3_600_000;
    static final int WINDOW = 100;
    static final int HISTORY = 1_000;
    static final int QUIET_WINDOWS = 3;
    private static final long WINDOW_MAX_MS = 60_000;
    private static final int STATE_VERSION = 1;
    private static final int MAX_PARTITIONS = 1 << 20;

    private final String topic;
    private final Sensitivity sensitivity;
    private final Map<Integer, Long> newest = new HashMap<>();
    private final Deque<Long> usualLateness = new ArrayDeque<>();
    private long behindBar = MIN_SKEW_MS;
    private Window window;
    private boolean incident;
    private int quiet;

    /** A watch over {@code topic}'s producer timestamps, judged at {@code sensitivity}. */
    public TimestampSkew(String topic, Sensitivity sensitivity) {
        this.topic = topic;
        this.sensitivity = sensitivity;
    }

    /**
     * Records with timestamps far from when they were written.
     *
     * @param topic      the topic
     * @param at         when the engine read the first of them
     * @param partitions the partitions they are in
     * @param ahead      how many were stamped too far ahead of the time they were read
     * @param behind     how many were stamped too far behind their partition's newest timestamp
     * @param examined   how many records the window held
     * @param message    a sentence an operator understands, with the numbers behind it
     */
    public record Finding(String topic, Instant at, Set<Integer> partitions, int ahead, int behind, int examined,
                          String message) {
    }

    /**
     * What it learned, to be {@linkplain #recall recalled} by the next run: the lateness of the last usual records and
     * each partition's newest timestamp; empty before any record was learned.
     */
    public Optional<byte[]> learned() {
        if (usualLateness.isEmpty()) {
            return Optional.empty();
        }
        LearnedState.Writer out = new LearnedState.Writer(STATE_VERSION).signedList(usualLateness).count(newest.size());
        newest.forEach((partition, stamp) -> out.count(partition).signed(stamp));
        return Optional.of(out.bytes());
    }

    /**
     * Takes up what a previous run {@linkplain #learned learned}, before any record is observed; throws
     * {@link IllegalArgumentException} for a state it cannot read, changing nothing.
     */
    public void recall(byte[] state) {
        LearnedState.Reader in = new LearnedState.Reader(state, STATE_VERSION, "timestamp skew detector");
        List<Long> lateness = in.signedList(HISTORY);
        Map<Integer, Long> partitions = new HashMap<>();
        for (long n = in.count(MAX_PARTITIONS); n > 0; n--) {
            partitions.put((int) in.count(MAX_PARTITIONS), in.signed());
        }
        in.end();
        usualLateness.clear();
        usualLateness.addAll(lateness);
        newest.clear();
        newest.putAll(partitions);
        learnBar();
    }

    private void learnBar() {
        RobustSpread usual = RobustSpread.of(usualLateness);
        behindBar = Math.max(MIN_SKEW_MS, Math.round(usual.median() + usual.margin(0, sensitivity)));
    }

    /** Takes the next examined CreateTime record of {@code partition}, stamped {@code timestamp}, read at {@code readAt} (ms). */
    public Optional<Finding> observe(int partition, long timestamp, long readAt) {
        if (window == null) {
            window = new Window(readAt);
        }
        Long partitionNewest = newest.get(partition);
        long lateness = partitionNewest == null ? 0 : Math.max(0, partitionNewest - timestamp);
        if (timestamp - readAt > MIN_SKEW_MS) {
            window.ahead(partition, timestamp, readAt);
        } else if (lateness > behindBar) {
            window.behind(partition, timestamp, lateness, readAt);
        } else {
            newest.merge(partition, timestamp, Math::max);
            usualLateness.addLast(lateness);
            if (usualLateness.size() > HISTORY) {
                usualLateness.removeFirst();
            }
        }
        window.examined++;
        return window.examined >= WINDOW || readAt - window.openedAt >= WINDOW_MAX_MS ? close() : Optional.empty();
    }

    private Optional<Finding> close() {
        Window closed = window;
        window = null;
        learnBar();
        if (closed.ahead + closed.behind == 0) {
            quiet++;
            incident = incident && quiet < QUIET_WINDOWS;
            return Optional.empty();
        }
        quiet = 0;
        if (incident) {
            return Optional.empty();
        }
        incident = true;
        return Optional.of(closed.finding());
    }

    /** The records examined since the last window closed. */
    private final class Window {
        final long openedAt;
        final Set<Integer> partitions = new TreeSet<>();
        final long barBehind = behindBar;
        int examined;
        int ahead;
        int behind;
        long firstReadAt = Long.MAX_VALUE;
        long furthestAhead;
        long furthestAheadStamp;
        long furthestBehind;
        long furthestBehindStamp;

        Window(long openedAt) {
            this.openedAt = openedAt;
        }

        void ahead(int partition, long timestamp, long readAt) {
            ahead++;
            skewed(partition, readAt);
            if (timestamp - readAt > furthestAhead) {
                furthestAhead = timestamp - readAt;
                furthestAheadStamp = timestamp;
            }
        }

        void behind(int partition, long timestamp, long lateness, long readAt) {
            behind++;
            skewed(partition, readAt);
            if (lateness > furthestBehind) {
                furthestBehind = lateness;
                furthestBehindStamp = timestamp;
            }
        }

        private void skewed(int partition, long readAt) {
            partitions.add(partition);
            firstReadAt = Math.min(firstReadAt, readAt);
        }

        Finding finding() {
            List<String> parts = new ArrayList<>();
            if (ahead > 0) {
                parts.add(ahead + " stamped more than " + PlainUnits.roughly(MIN_SKEW_MS) + " ahead of the time they were"
                        + " read, the furthest " + PlainUnits.roughly(furthestAhead) + " ahead ("
                        + Instant.ofEpochMilli(furthestAheadStamp) + ")");
            }
            if (behind > 0) {
                parts.add(behind + " stamped more than " + PlainUnits.roughly(barBehind) + " before records already in"
                        + " their partition, the furthest " + PlainUnits.roughly(furthestBehind) + " before ("
                        + Instant.ofEpochMilli(furthestBehindStamp) + ")");
            }
            Instant at = Instant.ofEpochMilli(firstReadAt);
            return new Finding(topic, at, Collections.unmodifiableSet(partitions), ahead, behind, examined,
                    topic + ": " + (ahead + behind) + " of " + examined + " records read from " + at
                            + " carry timestamps far from when they were written: " + String.join("; ", parts)
                            + ". Point-in-time restores place records by these timestamps.");
        }
    }
}
