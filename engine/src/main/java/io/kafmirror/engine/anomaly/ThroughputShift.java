package io.kafmirror.engine.anomaly;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Watches how many records a topic gets per second and tells when that jumps far above or falls far below the topic's
 * usual rate — a runaway or hostile producer, a replay, a dead upstream — and when it is usual again.
 *
 * <p>Records are counted by their own timestamps into buckets of {@value #BUCKET_MS} ms of record time, not by when
 * the backup read them, so a backup catching up after downtime reads hours in minutes without seeing a spike. A bucket
 * closes once every partition has moved {@value #GRACE_MS} ms past its end; a partition that has been silent for
 * {@value #IDLE_MS} ms of reading is taken to move on with the clock, so a topic that stops getting records closes
 * empty buckets, which is how a stall is seen. Records more than {@value #FUTURE_SLACK_MS} ms ahead of the engine's
 * clock are not counted (their timestamps are wrong, see {@link TimestampSkew}); records of a bucket already closed are
 * left out.
 *
 * <p>A closed bucket is judged against the last {@value #HISTORY} normal ones (an hour), robustly and by factors, as
 * rates vary (a busy hour is twice a quiet one): the median and the median absolute deviation of the logarithms of
 * their counts, the deviation at least that of a Poisson count of the median. It is a spike when its count's logarithm
 * is more than six deviations above the median, and at least {@value #MIN_FACTOR} times the usual count; a drop when
 * more than six deviations below, and at most a third of it. Minimums: nothing is judged before {@value #MIN_HISTORY} buckets (ten minutes) were learned,
 * nor while the usual count is under {@value #MIN_MEDIAN} records a bucket (one record a second) or more than a tenth
 * of the learned buckets are empty: a slow or bursty topic has no usual rate to depart from. A spike or drop ends
 * after {@value #QUIET_BUCKETS} buckets back inside the bars; one that lasts {@value #HISTORY} buckets becomes the
 * topic's usual rate, learned anew. Not thread-safe.
 */
public final class ThroughputShift {

    static final long BUCKET_MS = 10_000;
    static final long GRACE_MS = BUCKET_MS;
    static final long IDLE_MS = 30_000;
    static final long FUTURE_SLACK_MS = 60_000;
    static final int HISTORY = 360;
    static final int MIN_HISTORY = 60;
    static final int QUIET_BUCKETS = 3;
    static final long MIN_MEDIAN = 10;
    static final int MIN_FACTOR = 3;
    private static final double MAX_EMPTY_SHARE = 0.1;
    // Reading paused longer than this (store back-pressure, a slow loop) is not silence of the source.
    private static final long MAX_TICK_GAP_MS = 5_000;
    private static final int STATE_VERSION = 1;

    private final String topic;
    private final Sensitivity sensitivity;
    private final Map<Integer, Frontier> partitions = new HashMap<>();
    private final TreeMap<Long, Long> open = new TreeMap<>();
    private final Deque<Long> normal = new ArrayDeque<>();
    private boolean started;
    private long nextToClose;
    private long lastTick = -1;
    // The last bucket a previous run counted records into: its records are not counted again.
    private long resumeAfter = Long.MIN_VALUE;
    private Shift shift;

    /** A watch over {@code topic}'s record rate, judged at {@code sensitivity}. */
    public ThroughputShift(String topic, Sensitivity sensitivity) {
        this.topic = topic;
        this.sensitivity = sensitivity;
    }

    /** Whether the rate went up or down. */
    public enum Direction { SPIKE, DROP }

    /**
     * What a change of the topic's rate means to an operator.
     *
     * @param direction up or down
     * @param beginning true when the change begins, false when it ends
     * @param topic     the topic
     * @param at        when it began (the start of its first bucket) or ended (the end of its last one)
     * @param began     when it began, the same as {@code at} for a beginning
     * @param message   a sentence an operator understands, with the numbers behind it
     */
    public record Finding(Direction direction, boolean beginning, String topic, Instant at, Instant began,
                          String message) {

        /** The last instant before the change began: the point to restore the topic to. */
        public Instant suggestedRestorePoint() {
            return began.minusMillis(1);
        }
    }

    /** How far one partition's records have come, and when it last delivered any. */
    private static final class Frontier {
        long newest = Long.MIN_VALUE;
        long seenAt;

        Frontier(long seenAt) {
            this.seenAt = seenAt;
        }
    }

    /**
     * What it learned, to be {@linkplain #recall recalled} by the next run: the counts of the normal buckets and the
     * last bucket records were counted into; empty before any bucket was learned.
     */
    public Optional<byte[]> learned() {
        if (normal.isEmpty()) {
            return Optional.empty();
        }
        long last = !started ? resumeAfter : Math.max(nextToClose - 1, open.isEmpty() ? Long.MIN_VALUE : open.lastKey());
        return Optional.of(new LearnedState.Writer(STATE_VERSION).signedList(normal).signed(last).bytes());
    }

    /**
     * Takes up what a previous run {@linkplain #learned learned}, before any record is observed; throws
     * {@link IllegalArgumentException} for a state it cannot read, changing nothing. Buckets up to the last one the
     * previous run counted into are not counted again: after a restart, the records it had read are read again.
     */
    public void recall(byte[] state) {
        LearnedState.Reader in = new LearnedState.Reader(state, STATE_VERSION, "throughput detector");
        List<Long> counts = in.signedList(HISTORY);
        long last = in.signed();
        in.end();
        if (counts.stream().anyMatch(c -> c < 0)) {
            throw new IllegalArgumentException("The learned state of the throughput detector cannot be read: a negative"
                    + " record count");
        }
        normal.clear();
        normal.addAll(counts);
        resumeAfter = last;
    }

    /** Tells that the topic has {@code count} partitions: one not heard from yet holds buckets open for a while. */
    public void partitions(int count, long now) {
        for (int p = 0; p < count; p++) {
            partitions.computeIfAbsent(p, x -> new Frontier(now));
        }
    }

    /**
     * Takes {@code records} records of {@code partition} written between {@code first} and {@code last} (record time,
     * ms; a batch's records are taken as spread evenly between them), read at {@code now}; returns what changed.
     */
    public List<Finding> observe(int partition, long first, long last, int records, long now) {
        Frontier frontier = partitions.computeIfAbsent(partition, p -> new Frontier(now));
        frontier.seenAt = now;
        long lo = Math.min(first, last);
        long hi = Math.max(first, last);
        if (records > 0 && hi <= now + FUTURE_SLACK_MS) {
            if (!started) {
                started = true;
                // After a restart the first bucket is the one after the previous run's last, or later: what the
                // previous run had counted of a bucket is not known here, so no bucket is judged half-counted.
                nextToClose = Math.max(Math.floorDiv(lo, BUCKET_MS), resumeAfter + 1);
            }
            count(lo, hi, records);
            frontier.newest = Math.max(frontier.newest, hi);
        }
        // Only this partition moved, and no bucket closes before it is past it: spares a look at every partition per
        // record on the consumer path.
        boolean mayClose = frontier.newest != Long.MIN_VALUE
                && Math.floorDiv(frontier.newest - GRACE_MS, BUCKET_MS) > nextToClose;
        return mayClose ? close(now) : List.of();
    }

    /** Lets time pass without records, at {@code now} (ms): how a stall is seen. Call it after every read. */
    public List<Finding> tick(long now) {
        if (lastTick >= 0 && now - lastTick > MAX_TICK_GAP_MS) {
            long gap = now - lastTick;
            partitions.values().forEach(f -> f.seenAt = Math.min(now, f.seenAt + gap));
        }
        lastTick = now;
        return close(now);
    }

    private void count(long lo, long hi, int records) {
        long firstBucket = Math.floorDiv(lo, BUCKET_MS);
        long lastBucket = Math.floorDiv(hi, BUCKET_MS);
        if (lastBucket - firstBucket > HISTORY) {
            // A batch with one stray timestamp: not a reason to spread its records over hours.
            add(lastBucket, records);
            return;
        }
        long given = 0;
        for (long b = firstBucket; b <= lastBucket; b++) {
            long from = Math.max(lo, b * BUCKET_MS);
            long to = Math.min(hi + 1, (b + 1) * BUCKET_MS);
            long share = b == lastBucket ? records - given : Math.round(records * (double) (to - from) / (hi + 1 - lo));
            given += share;
            add(b, share);
        }
    }

    private void add(long bucket, long records) {
        if (bucket >= nextToClose) {
            open.merge(bucket, records, Long::sum);
        }
    }

    private List<Finding> close(long now) {
        long watermark = watermark(now);
        if (!started || watermark == Long.MIN_VALUE) {
            return List.of();
        }
        long closable = Math.floorDiv(watermark - GRACE_MS, BUCKET_MS);
        List<Finding> findings = new ArrayList<>();
        while (nextToClose < closable) {
            long nextRecords = open.isEmpty() ? closable : Math.min(closable, open.firstKey());
            // Years or hours without records (between stray old timestamps and today's, in the topic's history, or a
            // long stall) are judged as an hour of empty buckets, not bucket by bucket.
            nextToClose = Math.max(nextToClose, nextRecords - HISTORY);
            Long records = open.remove(nextToClose);
            judge(nextToClose, records == null ? 0 : records).ifPresent(findings::add);
            nextToClose++;
        }
        return findings;
    }

    /** The record time every partition has passed: the newest of each, moving on with the clock once it is silent. */
    private long watermark(long now) {
        long watermark = Long.MAX_VALUE;
        for (Frontier f : partitions.values()) {
            long silent = now - f.seenAt - IDLE_MS;
            if (f.newest == Long.MIN_VALUE) {
                if (silent < 0) {
                    return Long.MIN_VALUE;
                }
                continue;
            }
            watermark = Math.min(watermark, f.newest + Math.max(0, silent));
        }
        return watermark == Long.MAX_VALUE ? Long.MIN_VALUE : watermark;
    }

    private Optional<Finding> judge(long bucket, long records) {
        if (normal.size() < MIN_HISTORY) {
            remember(records);
            return Optional.empty();
        }
        // A rate varies by factors (a busy hour is twice a quiet one), so its logarithm is what varies evenly.
        RobustSpread usual = RobustSpread.of(normal.stream().map(Math::log1p).toList());
        double median = Math.expm1(usual.median());
        // Counts vary at least as a Poisson count does, whose logarithm's deviation is about one over its root.
        double margin = usual.margin(Math.max(Math.log(MIN_FACTOR), sensitivity.deviations() / Math.sqrt(Math.max(1, median))), sensitivity);
        double level = Math.log1p(records);
        boolean above = level > usual.median() + margin;
        boolean below = level < usual.median() - margin;
        if (shift == null) {
            if (!steady(median) || !(above || below)) {
                remember(records);
                return Optional.empty();
            }
            shift = new Shift(above ? Direction.SPIKE : Direction.DROP, bucket, usualRange());
            shift.add(bucket, records, true);
            return Optional.of(beginning(shift, records));
        }
        shift.add(bucket, records, shift.direction == Direction.SPIKE ? above : below);
        if (shift.quiet >= QUIET_BUCKETS) {
            Shift ended = shift;
            shift = null;
            return Optional.of(end(ended, "back to the usual " + usualRange() + " records/s", records));
        }
        if (shift.buckets >= HISTORY) {
            Shift lasting = shift;
            shift = null;
            normal.clear();
            return Optional.of(end(lasting, "lasting an hour, now taken as the topic's usual rate and learned anew",
                    records));
        }
        return Optional.empty();
    }

    private boolean steady(double median) {
        long empty = normal.stream().filter(n -> n == 0).count();
        return median >= MIN_MEDIAN && empty <= MAX_EMPTY_SHARE * normal.size();
    }

    private void remember(long records) {
        normal.addLast(records);
        if (normal.size() > HISTORY) {
            normal.removeFirst();
        }
    }

    /** The usual rate as an operator reads it: the 5th to the 95th percentile of the normal buckets. */
    private String usualRange() {
        double[] sorted = normal.stream().mapToDouble(Long::doubleValue).sorted().toArray();
        return rate(RobustSpread.quantile(sorted, 0.05)) + "–" + rate(RobustSpread.quantile(sorted, 0.95));
    }

    private Finding beginning(Shift s, long records) {
        Instant began = Instant.ofEpochMilli(s.began);
        return new Finding(s.direction, true, topic, began, began, topic + ": " + rate(records) + " records/s since "
                + began + ", usually " + s.usual + " records/s. The last instant before it: " + began.minusMillis(1) + ".");
    }

    private Finding end(Shift s, String how, long rateNow) {
        Instant began = Instant.ofEpochMilli(s.began);
        Instant ended = Instant.ofEpochMilli((s.lastOff + 1) * BUCKET_MS);
        String extreme = s.direction == Direction.SPIKE ? "peaked at " : "fell to ";
        return new Finding(s.direction, false, topic, ended, began, topic + ": " + rate(rateNow) + " records/s, " + how
                + "; between " + began + " and " + ended + " the rate " + extreme + rate(s.extreme) + " records/s, "
                + PlainUnits.count(s.offRecords) + " records in all.");
    }

    /** Records a second, from a bucket's count. */
    private static String rate(double bucketRecords) {
        double perSecond = bucketRecords * 1000 / BUCKET_MS;
        return perSecond >= 10 || perSecond == Math.rint(perSecond) ? PlainUnits.count(Math.round(perSecond))
                : String.format(Locale.ROOT, "%.1f", perSecond);
    }

    /** A spike or drop under way. */
    private static final class Shift {
        final Direction direction;
        final long began;
        final String usual;
        long lastOff;
        long records;
        long offRecords;
        long extreme;
        int buckets;
        int quiet;

        Shift(Direction direction, long bucket, String usual) {
            this.direction = direction;
            this.began = bucket * BUCKET_MS;
            this.usual = usual;
            this.extreme = direction == Direction.SPIKE ? 0 : Long.MAX_VALUE;
        }

        void add(long bucket, long count, boolean off) {
            records += count;
            buckets++;
            if (off) {
                lastOff = bucket;
                offRecords = records;
                quiet = 0;
                extreme = direction == Direction.SPIKE ? Math.max(extreme, count) : Math.min(extreme, count);
            } else {
                quiet++;
            }
        }
    }
}
