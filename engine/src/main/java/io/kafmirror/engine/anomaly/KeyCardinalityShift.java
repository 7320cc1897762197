package io.kafmirror.engine.anomaly;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Watches how varied one topic's record keys are and tells when that moves far from the usual — a leaked producer
 * writing random keys into a topic keyed by customer, a bug keying every record alike (one partition then takes all) —
 * and when it is usual again.
 *
 * <p>Records are taken in windows of {@value #WINDOW}; a window's measure is its share of distinct keys (a null key
 * counts as one key). It is compared with the last {@value #HISTORY} normal windows' shares: more than the
 * sensitivity's deviations from their median and at least {@value #MIN_CHANGE} apart begins a shift, dated from the
 * first record of that window; nothing is judged before {@value #MIN_HISTORY} windows were learned. It ends after
 * {@value #QUIET_WINDOWS} windows back inside; one that lasts {@value #HISTORY} windows becomes the usual. Not
 * thread-safe.
 */
public final class KeyCardinalityShift {

    static final int WINDOW = 200;
    static final int HISTORY = 60;
    static final int MIN_HISTORY = 10;
    static final int QUIET_WINDOWS = 3;
    static final double MIN_CHANGE = 0.25;
    private static final int STATE_VERSION = 1;

    private final String topic;
    private final Sensitivity sensitivity;
    private final Deque<Double> usualShares = new ArrayDeque<>();
    private final Set<KeyBytes> keys = new HashSet<>();
    private int seen;
    private long windowStart;
    private Instant began;
    private double shiftedShare;
    private long lastShifted;
    private int quiet;
    private int shiftedWindows;

    /** A watch over {@code topic}'s record keys, judged at {@code sensitivity}. */
    public KeyCardinalityShift(String topic, Sensitivity sensitivity) {
        this.topic = topic;
        this.sensitivity = sensitivity;
    }

    /**
     * What a change of the topic's key variety means to an operator.
     *
     * @param beginning true when the shift begins, false when it ends
     * @param topic     the topic
     * @param at        when it began (the first record of the first window beyond) or ended (the last such window's)
     * @param message   a sentence an operator understands, with the shares behind it
     */
    public record Finding(boolean beginning, String topic, Instant at, String message) {
    }

    /** What it learned, to be {@linkplain #recall recalled} by the next run: the normal windows' shares of distinct keys. */
    public Optional<byte[]> learned() {
        return LearnedState.ofReals(STATE_VERSION, usualShares);
    }

    /**
     * Takes up what a previous run {@linkplain #learned learned}, before any record is observed; throws
     * {@link IllegalArgumentException} for a state it cannot read, changing nothing.
     */
    public void recall(byte[] state) {
        List<Double> shares = LearnedState.reals(state, STATE_VERSION, "key cardinality detector", HISTORY);
        usualShares.clear();
        usualShares.addAll(shares);
    }

    /** Takes the next examined record, written at {@code timestamp} (ms) with key {@code key} (null: none). */
    public Optional<Finding> observe(long timestamp, byte[] key) {
        // Partitions are read interleaved: the window begins at its earliest record, not its first read.
        windowStart = seen == 0 ? timestamp : Math.min(windowStart, timestamp);
        keys.add(new KeyBytes(key));
        if (++seen < WINDOW) {
            return Optional.empty();
        }
        double share = keys.size() / (double) WINDOW;
        long start = windowStart;
        keys.clear();
        seen = 0;
        return judge(share, start, timestamp);
    }

    private Optional<Finding> judge(double share, long start, long end) {
        if (usualShares.size() < MIN_HISTORY) {
            learn(share);
            return Optional.empty();
        }
        RobustSpread usual = RobustSpread.of(usualShares);
        boolean beyond = Math.abs(share - usual.median()) > usual.margin(MIN_CHANGE, sensitivity);
        if (began == null) {
            if (!beyond) {
                learn(share);
                return Optional.empty();
            }
            began = Instant.ofEpochMilli(start);
            shiftedShare = share;
            lastShifted = end;
            quiet = 0;
            shiftedWindows = 1;
            return Optional.of(new Finding(true, topic, began, topic + ": " + percent(share) + " of records carry distinct keys"
                    + " since " + began + ", usually " + percent(usual.median()) + ". The last instant before it: "
                    + began.minusMillis(1) + "."));
        }
        shiftedWindows++;
        if (beyond) {
            quiet = 0;
            lastShifted = end;
            shiftedShare = share;
        } else {
            quiet++;
        }
        if (quiet < QUIET_WINDOWS && shiftedWindows < HISTORY) {
            return Optional.empty();
        }
        boolean settled = quiet < QUIET_WINDOWS;
        Instant from = began;
        began = null;
        if (settled) {
            usualShares.clear();
        }
        String how = settled ? "for " + HISTORY * WINDOW + " records, now taken as the topic's usual and learned anew"
                : "as varied as usual again (" + percent(share) + " distinct)";
        return Optional.of(new Finding(false, topic, Instant.ofEpochMilli(lastShifted), topic + ": keys are " + how
                + "; between " + from + " and " + Instant.ofEpochMilli(lastShifted) + " " + percent(shiftedShare)
                + " were distinct."));
    }

    private void learn(double share) {
        usualShares.addLast(share);
        if (usualShares.size() > HISTORY) {
            usualShares.removeFirst();
        }
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    /** A key compared by content; {@code null} is one key of its own. */
    private record KeyBytes(byte[] bytes) {

        @Override
        public boolean equals(Object o) {
            return o instanceof KeyBytes other && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }
}
