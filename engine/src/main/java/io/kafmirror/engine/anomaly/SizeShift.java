package io.kafmirror.engine.anomaly;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Watches the sizes of one topic's record values and tells when their median moves far from the usual — a producer
 * writing whole documents where it wrote ids, blobs smuggled into an event topic, events emptied by a bad deploy — and
 * when it is usual again.
 *
 * <p>Records are taken in windows of {@value #WINDOW}; each window's median value size is compared with those of the
 * last {@value #HISTORY} normal windows, by factors: the median and the median absolute deviation of their logarithms.
 * A window whose median is more than six deviations and at least a factor of {@value #MIN_FACTOR} above or below begins
 * a shift; nothing is judged before {@value #MIN_HISTORY} windows were learned. The shift is dated from the change
 * point within this window and the one before: the earliest record from which on records beyond the bar outnumber
 * the others the most. It ends after {@value #QUIET_WINDOWS} windows back inside; one that lasts {@value #HISTORY}
 * windows becomes the usual and is learned anew. Tombstones are skipped. Not thread-safe.
 */
public final class SizeShift {

    static final int WINDOW = 100;
    static final int HISTORY = 60;
    static final int MIN_HISTORY = 10;
    static final int QUIET_WINDOWS = 3;
    static final int MIN_FACTOR = 2;
    private static final int STATE_VERSION = 1;

    private final String topic;
    private final Sensitivity sensitivity;
    private final Deque<Double> normal = new ArrayDeque<>();
    private List<Sized> previous = List.of();
    private List<Sized> window = new ArrayList<>(WINDOW);
    private Shift shift;

    /** A watch over {@code topic}'s value sizes, judged at {@code sensitivity}. */
    public SizeShift(String topic, Sensitivity sensitivity) {
        this.topic = topic;
        this.sensitivity = sensitivity;
    }

    /**
     * What a change of the topic's record sizes means to an operator.
     *
     * @param beginning true when the shift begins, false when it ends
     * @param topic     the topic
     * @param at        when it began (the first record of the change) or ended (the last record beyond the bar in a
     *                  window beyond it)
     * @param began     when it began, the same as {@code at} for a beginning
     * @param message   a sentence an operator understands, with the numbers behind it
     */
    public record Finding(boolean beginning, String topic, Instant at, Instant began, String message) {

        /** The last instant before the shift began: the point to restore the topic to. */
        public Instant suggestedRestorePoint() {
            return began.minusMillis(1);
        }
    }

    private record Sized(long timestamp, int size) {
    }

    /** What it learned, to be {@linkplain #recall recalled} by the next run: the normal windows' median sizes. */
    public Optional<byte[]> learned() {
        return LearnedState.ofReals(STATE_VERSION, normal);
    }

    /**
     * Takes up what a previous run {@linkplain #learned learned}, before any record is observed; throws
     * {@link IllegalArgumentException} for a state it cannot read, changing nothing.
     */
    public void recall(byte[] state) {
        List<Double> levels = LearnedState.reals(state, STATE_VERSION, "record size detector", HISTORY);
        normal.clear();
        normal.addAll(levels);
    }

    /** Takes the next examined record, written at {@code timestamp} (ms) with a value of {@code size} bytes (-1: none). */
    public Optional<Finding> observe(long timestamp, int size) {
        if (size < 0) {
            return Optional.empty();
        }
        window.add(new Sized(timestamp, size));
        if (window.size() < WINDOW) {
            return Optional.empty();
        }
        Optional<Finding> finding = judge();
        previous = window;
        window = new ArrayList<>(WINDOW);
        return finding;
    }

    private Optional<Finding> judge() {
        double level = Math.log1p(median(window));
        if (normal.size() < MIN_HISTORY) {
            remember(level);
            return Optional.empty();
        }
        RobustSpread usual = RobustSpread.of(normal);
        double margin = usual.margin(Math.log(MIN_FACTOR), sensitivity);
        boolean above = level > usual.median() + margin;
        boolean below = level < usual.median() - margin;
        if (shift == null) {
            if (!(above || below)) {
                remember(level);
                return Optional.empty();
            }
            double bar = Math.expm1(above ? usual.median() + margin : usual.median() - margin);
            shift = new Shift(above, bar, changePoint(above, bar), usualRange());
            shift.add(window, true);
            Instant began = Instant.ofEpochMilli(shift.began);
            return Optional.of(new Finding(true, topic, began, began, topic + ": record values are " + bytes(median(window))
                    + " in the median since " + began + ", usually " + shift.usual + ". The last instant before it: "
                    + began.minusMillis(1) + "."));
        }
        boolean off = shift.larger ? above : below;
        shift.add(window, off);
        if (shift.quiet < QUIET_WINDOWS && shift.windows < HISTORY) {
            return Optional.empty();
        }
        Shift ended = shift;
        shift = null;
        String how = ended.quiet >= QUIET_WINDOWS ? "again, as usual (" + usualRange() + ")"
                : "for " + HISTORY * WINDOW + " records, now taken as the topic's usual size and learned anew";
        if (ended.quiet < QUIET_WINDOWS) {
            normal.clear();
        }
        Instant began = Instant.ofEpochMilli(ended.began);
        Instant last = Instant.ofEpochMilli(ended.lastOff);
        return Optional.of(new Finding(false, topic, last, began, topic + ": record values are " + bytes(median(window))
                + " in the median " + how + "; between " + began + " and " + last + " they were "
                + bytes(ended.offMedian) + " (" + PlainUnits.count(ended.offRecords) + " records examined beyond the usual)."));
    }

    /**
     * The earliest timestamp of the records beyond {@code bar} in the suffix of the previous and this window where they
     * most outnumber the others: where the change began, to the record.
     */
    private long changePoint(boolean above, double bar) {
        List<Sized> recent = new ArrayList<>(previous);
        recent.addAll(window);
        Predicate<Sized> beyond = r -> above ? r.size() > bar : r.size() < bar;
        // Partitions are read interleaved: the earliest written of the changed records, not the first read.
        return recent.subList(strongest(recent, beyond, true), recent.size()).stream().filter(beyond)
                .mapToLong(Sized::timestamp).min().orElseThrow();
    }

    /**
     * The index of the record {@code beyond} at which the run of {@code records} from there to the end ({@code suffix})
     * or from the start to there holds the most more records beyond than not.
     */
    private static int strongest(List<Sized> records, Predicate<Sized> beyond, boolean suffix) {
        int best = suffix ? records.size() - 1 : 0;
        int bestSum = Integer.MIN_VALUE;
        int sum = 0;
        for (int k = 0; k < records.size(); k++) {
            int i = suffix ? records.size() - 1 - k : k;
            boolean isBeyond = beyond.test(records.get(i));
            sum += isBeyond ? 1 : -1;
            // A suffix prefers the earliest start on a tie, a prefix the earliest end.
            if (isBeyond && (suffix ? sum >= bestSum : sum > bestSum)) {
                bestSum = sum;
                best = i;
            }
        }
        return best;
    }

    private void remember(double level) {
        normal.addLast(level);
        if (normal.size() > HISTORY) {
            normal.removeFirst();
        }
    }

    /** The usual median size: the lowest to the highest of the normal windows'. */
    private String usualRange() {
        double low = normal.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double high = normal.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return bytes(Math.expm1(low)) + "–" + bytes(Math.expm1(high));
    }

    private static double median(List<Sized> records) {
        int[] sizes = records.stream().mapToInt(Sized::size).sorted().toArray();
        int mid = sizes.length / 2;
        return sizes.length % 2 == 1 ? sizes[mid] : (sizes[mid - 1] + sizes[mid]) / 2.0;
    }

    /** A size as an operator reads it: "310 bytes", "4.2 KiB", "1.5 MiB". */
    private static String bytes(double size) {
        if (size < 1024) {
            return Math.round(size) + " bytes";
        }
        return size < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KiB", size / 1024)
                : String.format(Locale.ROOT, "%.1f MiB", size / (1024 * 1024));
    }

    /** A shift under way. */
    private static final class Shift {
        final boolean larger;
        final double bar;
        final long began;
        final String usual;
        final List<Integer> offSizes = new ArrayList<>();
        long lastOff = Long.MIN_VALUE;
        long offRecords;
        double offMedian;
        int windows;
        int quiet;

        Shift(boolean larger, double bar, long began, String usual) {
            this.larger = larger;
            this.bar = bar;
            this.began = began;
            this.usual = usual;
        }

        boolean beyond(Sized r) {
            return larger ? r.size() > bar : r.size() < bar;
        }

        void add(List<Sized> records, boolean off) {
            windows++;
            if (!off) {
                quiet++;
                return;
            }
            quiet = 0;
            // Where the change ends in this window: the end of the prefix in which records beyond most outnumber others.
            for (Sized r : records.subList(0, strongest(records, this::beyond, false) + 1)) {
                if (beyond(r)) {
                    offRecords++;
                    lastOff = Math.max(lastOff, r.timestamp());
                    offSizes.add(r.size());
                }
            }
            offMedian = offSizes.stream().mapToInt(Integer::intValue).sorted().skip(offSizes.size() / 2).findFirst().orElse(0);
        }
    }
}
