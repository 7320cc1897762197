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
import java.util.stream.LongStream;

/**
 * Watches the payload formats of one topic's records and tells when a share of them stops being in the topic's usual
 * format — a bad deploy writing truncated JSON, a leaked key writing garbage — and when that ends.
 *
 * <p>It learns the usual format from the topic's first {@value #LEARNING_WINDOWS} windows of {@value #WINDOW} records:
 * the most specific format that at least three quarters of them admit (JSON, schema-registry, text; a topic of opaque
 * bytes has none and is never flagged). Those records are then judged as if they had just arrived, so a burst already
 * under way when the backup starts is flagged too; while no format dominates, the oldest window is dropped and the
 * next one tried. Then every window's share of records not in that format is compared with the shares of the last
 * {@value #HISTORY} normal windows, robustly (median and median absolute deviation, so a few odd windows do not move
 * the bar): a window above the median by more than six scaled deviations and by at least ten percentage points, with
 * at least {@value #MIN_OFF} such records, begins a drift. It ends after {@value #QUIET_WINDOWS} windows back under the
 * bar. Windows count records, not seconds, so a slow topic is judged on as many records as a busy one.
 *
 * <p>The drift begins at the first off-format record of the runs that set it off: per partition, the first one after
 * that partition's last record in the usual format, so a burst that began near the end of the previous window is
 * dated from its first record, not from the window that crossed the bar (a run that ends inside a window counts for
 * that window too). Not thread-safe.
 */
public final class FormatDrift {

    /** Records per window. */
    static final int WINDOW = 100;
    static final int LEARNING_WINDOWS = 5;
    static final int HISTORY = 60;
    static final int QUIET_WINDOWS = 3;
    static final int MIN_OFF = 10;
    private static final int STATE_VERSION = 1;
    private static final double USUAL_SHARE = 0.75;
    private static final double MIN_RISE = 0.10;
    private static final PayloadFormat[] SPECIFIC_FIRST = {PayloadFormat.JSON, PayloadFormat.SCHEMA_REGISTRY,
            PayloadFormat.TEXT};

    private final String topic;
    private final Sensitivity sensitivity;
    private final Deque<Observation> learning = new ArrayDeque<>();
    private final Deque<Double> normalShares = new ArrayDeque<>();
    private final Map<Integer, Long> offRunStarts = new HashMap<>();
    private final List<Examined> window = new ArrayList<>(WINDOW);
    // The earliest start of an off-format run that ended inside the current window.
    private long windowRunStart = Long.MAX_VALUE;
    private PayloadFormat usual;
    private Drift drift;
    private Drift ended;

    /** A watch over {@code topic}'s records, judged at {@code sensitivity}. */
    public FormatDrift(String topic, Sensitivity sensitivity) {
        this.topic = topic;
        this.sensitivity = sensitivity;
    }

    /**
     * What a change of the topic's formats means to an operator.
     *
     * @param beginning  true when a drift begins, false when it ends
     * @param topic      the topic
     * @param at         when it began (the first off-format record's timestamp) or ended (the last one's)
     * @param began      when the drift began, the same as {@code at} for a beginning
     * @param partitions the partitions with off-format records
     * @param message    a sentence an operator understands, with the numbers behind it
     */
    public record Finding(boolean beginning, String topic, Instant at, Instant began, Set<Integer> partitions,
                          String message) {

        /** The last instant before the drift began: the point to restore the topic to. */
        public Instant suggestedRestorePoint() {
            return began.minusMillis(1);
        }
    }

    private record Observation(int partition, long timestamp, PayloadFormat format) {
    }

    /** A record judged against the usual format. */
    private record Examined(int partition, long timestamp, boolean off) {
    }

    /**
     * What it learned, to be {@linkplain #recall recalled} by the next run: the usual format and the shares of the
     * normal windows; empty while the usual format is not known yet.
     */
    public Optional<byte[]> learned() {
        if (usual == null) {
            return Optional.empty();
        }
        return Optional.of(new LearnedState.Writer(STATE_VERSION).count(usual.ordinal()).realList(normalShares).bytes());
    }

    /**
     * Takes up what a previous run {@linkplain #learned learned}, before any record is observed, so the next records
     * are judged at once; throws {@link IllegalArgumentException} for a state it cannot read, changing nothing.
     */
    public void recall(byte[] state) {
        LearnedState.Reader in = new LearnedState.Reader(state, STATE_VERSION, "format drift detector");
        PayloadFormat format = PayloadFormat.values()[(int) in.count(PayloadFormat.values().length - 1)];
        List<Double> shares = in.realList(HISTORY);
        in.end();
        usual = format;
        normalShares.clear();
        normalShares.addAll(shares);
        learning.clear();
    }

    /** The usual format once learned; empty while learning or for a topic with none. */
    public Optional<PayloadFormat> usual() {
        return Optional.ofNullable(usual);
    }

    /**
     * Takes the next examined record of {@code partition}, written at {@code timestamp} (ms) in {@code format} (null
     * for a tombstone, which is skipped); returns what changed: usually nothing, at most a beginning and an end when the
     * records learned from are judged.
     */
    public List<Finding> observe(int partition, long timestamp, PayloadFormat format) {
        if (format == null) {
            return List.of();
        }
        if (usual != null) {
            return judge(partition, timestamp, format).map(List::of).orElse(List.of());
        }
        learning.addLast(new Observation(partition, timestamp, format));
        return learning.size() == LEARNING_WINDOWS * WINDOW ? learn() : List.of();
    }

    private List<Finding> learn() {
        int[] counts = new int[PayloadFormat.values().length];
        learning.forEach(o -> counts[o.format().ordinal()]++);
        for (PayloadFormat candidate : SPECIFIC_FIRST) {
            if (admitted(candidate, counts) >= USUAL_SHARE * learning.size()) {
                usual = candidate;
                List<Finding> findings = new ArrayList<>();
                learning.forEach(o -> judge(o.partition(), o.timestamp(), o.format()).ifPresent(findings::add));
                learning.clear();
                return findings;
            }
        }
        for (int i = 0; i < WINDOW; i++) {
            learning.removeFirst();
        }
        return List.of();
    }

    private Optional<Finding> judge(int partition, long timestamp, PayloadFormat format) {
        boolean off = !usual.admits(format);
        window.add(new Examined(partition, timestamp, off));
        if (off) {
            offRunStarts.putIfAbsent(partition, timestamp);
        } else {
            Long runStart = offRunStarts.remove(partition);
            if (runStart != null) {
                windowRunStart = Math.min(windowRunStart, runStart);
            }
        }
        if (window.size() < WINDOW) {
            return Optional.empty();
        }
        Optional<Finding> finding = closeWindow();
        window.clear();
        windowRunStart = Long.MAX_VALUE;
        return finding;
    }

    private Optional<Finding> closeWindow() {
        long off = window.stream().filter(Examined::off).count();
        double share = off / (double) window.size();
        RobustSpread usualShares = RobustSpread.of(normalShares);
        double median = usualShares.median();
        double bar = median + usualShares.margin(MIN_RISE, sensitivity);
        boolean above = share > bar && off >= MIN_OFF;
        if (drift == null) {
            if (!above) {
                remember(share);
                return Optional.empty();
            }
            long began = Math.min(windowRunStart, LongStream.concat(
                    window.stream().filter(Examined::off).mapToLong(Examined::timestamp),
                    offRunStarts.values().stream().mapToLong(Long::longValue)).min().orElse(Long.MAX_VALUE));
            if (ended != null && began <= ended.lastOff) {
                // Overlapping in record time the drift that just ended: the same incident seen in another partition
                // (a backup catching up reads one partition after the other). It goes on; only an earlier start is news.
                drift = ended;
                drift.quiet = 0;
                drift.add(window);
                return began < drift.began ? Optional.of(beginning(drift.beganAt(began), share, median)) : Optional.empty();
            }
            drift = new Drift(began);
            // The records of this window written before the drift began are not part of it.
            drift.add(window.stream().filter(e -> e.timestamp() >= began).toList());
            return Optional.of(beginning(drift, drift.off / (double) drift.records, median));
        }
        drift.add(window);
        drift.quiet = above ? 0 : drift.quiet + 1;
        if (drift.quiet < QUIET_WINDOWS) {
            return Optional.empty();
        }
        ended = drift;
        drift = null;
        offRunStarts.clear();
        return Optional.of(new Finding(false, topic, Instant.ofEpochMilli(ended.lastOff), Instant.ofEpochMilli(ended.began),
                sorted(ended.partitions), topic + ": records are " + usual.words() + " again; " + ended.off + " of the "
                + ended.records + " records examined between " + Instant.ofEpochMilli(ended.began) + " and "
                + Instant.ofEpochMilli(ended.lastOff) + " were not (" + percent(ended.off / (double) ended.records) + ")."));
    }

    private Finding beginning(Drift d, double share, double median) {
        return new Finding(true, topic, Instant.ofEpochMilli(d.began), Instant.ofEpochMilli(d.began), sorted(d.partitions),
                topic + ": " + percent(share) + " of records since " + Instant.ofEpochMilli(d.began) + " are not "
                        + usual.words() + "; before, " + percent(median) + ". The last instant before it: "
                        + Instant.ofEpochMilli(d.began - 1) + ".");
    }

    private static Set<Integer> sorted(Set<Integer> partitions) {
        return Collections.unmodifiableSet(new TreeSet<>(partitions));
    }

    private void remember(double share) {
        normalShares.addLast(share);
        if (normalShares.size() > HISTORY) {
            normalShares.removeFirst();
        }
    }

    private static int admitted(PayloadFormat usual, int[] counts) {
        int admitted = 0;
        for (PayloadFormat f : PayloadFormat.values()) {
            if (usual.admits(f)) {
                admitted += counts[f.ordinal()];
            }
        }
        return admitted;
    }

    private static String percent(double share) {
        long rounded = Math.round(share * 100);
        return rounded == 0 && share > 0 ? "under 1 %" : rounded + " %";
    }

    /** A drift under way. */
    private static final class Drift {
        long began;
        final Set<Integer> partitions = new TreeSet<>();
        long records;
        long off;
        long lastOff = Long.MIN_VALUE;
        int quiet;

        Drift(long began) {
            this.began = began;
        }

        Drift beganAt(long earlier) {
            began = earlier;
            return this;
        }

        void add(List<Examined> examined) {
            records += examined.size();
            for (Examined e : examined) {
                if (e.off()) {
                    off++;
                    partitions.add(e.partition());
                    lastOff = Math.max(lastOff, e.timestamp());
                }
            }
        }
    }
}
