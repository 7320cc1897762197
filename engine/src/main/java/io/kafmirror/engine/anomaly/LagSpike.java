package io.kafmirror.engine.anomaly;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Watches one job's lag in its progress samples and tells when the backup falls far behind what is usual for it, in
 * records and in seconds at once, and when it is back: a store slowing down, a consumer starved, a burst the backup
 * cannot take in. Learned from the job's own samples, robustly (median and scaled MAD of the last
 * {@value #LEARNED} normal samples, beyond the job's {@link Sensitivity}), with floors so that what a flush holds in
 * memory (a batch in flight) is never a spike.
 *
 * <p>A partition counts from the sample at which it is first caught up (its seconds lag known and within the seconds
 * floor): a new job, or a new topic, reading its existing history is far behind at first, and that is no spike. One of
 * which nothing is stored any more (its topic recreated) has to catch up again.
 * Nothing is judged before {@value #MIN_LEARNED} samples were learned. Not thread-safe.
 */
public final class LagSpike {

    /** Normal samples learned from: an hour of 10 s samples. */
    static final int LEARNED = 360;
    /** Samples learned before any is judged: 5 minutes of 10 s samples. */
    static final int MIN_LEARNED = 30;
    /** A spike is at least this many records above the usual median... */
    static final long MIN_RECORDS = 1_000;
    /** ...and at least this many seconds, or the flush linger when longer, above the usual... */
    static final double MIN_SECONDS = 10;
    /** ...and both at least this many times their usual median. */
    static final double FACTOR = 3;
    /** A spike whose seconds lag reaches this many times the bar is severe. */
    static final double SEVERE_FACTOR = 10;
    /** Samples in a row back under the bars that end a spike. */
    static final int END_AFTER = 3;
    /** A partition carries a spike when it holds at least this share of the lag. */
    private static final double CARRIER_SHARE = 0.1;
    /** Partitions named in a sentence at most. */
    private static final int NAMED = 5;
    private static final int STATE_VERSION = 1;

    private final String job;
    private final Sensitivity sensitivity;
    private final double secondsFloor;
    private final CaughtUpPartitions caughtUp;
    private final Deque<Long> records = new ArrayDeque<>();
    private final Deque<Double> seconds = new ArrayDeque<>();
    private Spike spike;

    /** A watch of {@code job}'s lag at {@code sensitivity}, whose segments wait up to {@code linger} in memory. */
    public LagSpike(String job, Sensitivity sensitivity, Duration linger) {
        this.job = job;
        this.sensitivity = sensitivity;
        this.secondsFloor = floorSeconds(linger);
        this.caughtUp = new CaughtUpPartitions(secondsFloor);
    }

    /** The seconds lag a job whose segments wait up to {@code linger} in memory has at most when caught up. */
    static double floorSeconds(Duration linger) {
        return Math.max(MIN_SECONDS, linger.toMillis() / 1000.0);
    }

    /** How far behind one partition was at a sample: its lag in records and seconds (-1 when unknown). */
    public record PartitionLag(String topic, int partition, long records, double seconds) {
        String name() {
            return topic + "-" + partition;
        }
    }

    /** Where a spike stands: it began, it became severe, it ended. */
    public enum Phase {
        /** The lag rose far beyond the usual. */
        BEGAN,
        /** The seconds lag reached {@value #SEVERE_FACTOR} times the bar, at the beginning or later. */
        SEVERE,
        /** The lag is back under the bars. */
        ENDED
    }

    /**
     * What a spike means to an operator.
     *
     * @param phase     began, severe or ended
     * @param topic     the one topic whose partitions carry it, or {@code null} when several do
     * @param partition the one partition that carries it, or -1
     * @param at        the sample at which it began (became severe) or was back under the bars
     * @param message   a sentence an operator understands
     */
    public record Finding(Phase phase, String topic, int partition, Instant at, String message) {
    }

    /** The state of a spike under way: the bars it passed, where it peaked, who carries it. */
    private static final class Spike {
        final long recordsBar;
        final double secondsBar;
        final Instant began;
        long peakRecords;
        double peakSeconds;
        boolean severe;
        int under;
        Instant backAt;

        Spike(long recordsBar, double secondsBar, Instant began) {
            this.recordsBar = recordsBar;
            this.secondsBar = secondsBar;
            this.began = began;
        }
    }

    /**
     * What it learned, to be {@linkplain #recall recalled} by the next run: the usual records and seconds lag of the
     * normal samples; empty before any was learned. Which partitions have caught up is not kept: after a restart each
     * one counts again once it has caught up, so the backlog of the time the job was down is no spike.
     */
    public Optional<byte[]> learned() {
        return records.isEmpty() ? Optional.empty()
                : Optional.of(new LearnedState.Writer(STATE_VERSION).signedList(records).realList(seconds).bytes());
    }

    /**
     * Takes up what a previous run {@linkplain #learned learned}, before any sample is observed; throws
     * {@link IllegalArgumentException} for a state it cannot read, changing nothing.
     */
    public void recall(byte[] state) {
        LearnedState.Reader in = new LearnedState.Reader(state, STATE_VERSION, "lag spike detector");
        List<Long> usualRecords = in.signedList(LEARNED);
        List<Double> usualSeconds = in.realList(LEARNED);
        in.end();
        if (usualRecords.size() != usualSeconds.size()) {
            throw new IllegalArgumentException("The learned state of the lag spike detector cannot be read: "
                    + usualRecords.size() + " records lags but " + usualSeconds.size() + " seconds lags");
        }
        records.clear();
        records.addAll(usualRecords);
        seconds.clear();
        seconds.addAll(usualSeconds);
    }

    /** Takes the sample of every partition of the job at {@code at}; at most one finding, the most important. */
    public Optional<Finding> observe(Instant sampledAt, List<PartitionLag> partitions) {
        // Like the history it goes to: milliseconds.
        Instant at = sampledAt.truncatedTo(ChronoUnit.MILLIS);
        List<PartitionLag> counted = caughtUp.counted(partitions);
        if (counted.isEmpty()) {
            return Optional.empty();
        }
        long totalRecords = counted.stream().mapToLong(p -> Math.max(0, p.records())).sum();
        double worstSeconds = counted.stream().mapToDouble(PartitionLag::seconds).max().orElse(0);
        if (spike != null) {
            return during(at, counted, totalRecords, worstSeconds);
        }
        if (records.size() >= MIN_LEARNED) {
            long recordsBar = (long) bar(RobustSpread.of(records), MIN_RECORDS);
            double secondsBar = bar(RobustSpread.of(seconds), secondsFloor);
            if (totalRecords > recordsBar && worstSeconds > secondsBar) {
                spike = new Spike(recordsBar, secondsBar, at);
                spike.peakRecords = totalRecords;
                spike.peakSeconds = worstSeconds;
                spike.severe = worstSeconds >= SEVERE_FACTOR * secondsBar;
                return Optional.of(began(at, counted, totalRecords, worstSeconds));
            }
        }
        learn(totalRecords, Math.max(0, worstSeconds));
        return Optional.empty();
    }

    private Optional<Finding> during(Instant at, List<PartitionLag> counted, long totalRecords, double worstSeconds) {
        Spike s = spike;
        if (totalRecords > s.recordsBar && worstSeconds > s.secondsBar) {
            s.under = 0;
            s.peakRecords = Math.max(s.peakRecords, totalRecords);
            s.peakSeconds = Math.max(s.peakSeconds, worstSeconds);
            if (!s.severe && worstSeconds >= SEVERE_FACTOR * s.secondsBar) {
                s.severe = true;
                return Optional.of(began(at, counted, totalRecords, worstSeconds));
            }
            return Optional.empty();
        }
        if (s.under++ == 0) {
            s.backAt = at;
        }
        if (s.under < END_AFTER) {
            return Optional.empty();
        }
        spike = null;
        return Optional.of(new Finding(Phase.ENDED, null, -1, s.backAt, String.format(Locale.ROOT,
                "%s: lag is back to %s records / %s since %s; from %s it peaked at %s records / %s.", job,
                PlainUnits.count(totalRecords), seconds(worstSeconds), s.backAt, s.began, PlainUnits.count(s.peakRecords),
                seconds(s.peakSeconds))));
    }

    private Finding began(Instant at, List<PartitionLag> counted, long totalRecords, double worstSeconds) {
        List<PartitionLag> carriers = counted.stream()
                .filter(p -> p.records() > 0 && p.records() >= CARRIER_SHARE * totalRecords)
                .sorted(Comparator.comparingLong(PartitionLag::records).reversed()).toList();
        List<String> topics = carriers.stream().map(PartitionLag::topic).distinct().toList();
        String topic = topics.size() == 1 ? topics.get(0) : null;
        int partition = carriers.size() == 1 ? carriers.get(0).partition() : -1;
        StringBuilder carried = new StringBuilder();
        for (PartitionLag p : carriers.subList(0, Math.min(NAMED, carriers.size()))) {
            carried.append(carried.isEmpty() ? "" : ", ").append(p.name()).append(" (").append(PlainUnits.count(p.records()))
                    .append(" records, ").append(seconds(p.seconds())).append(')');
        }
        if (carriers.size() > NAMED) {
            carried.append(" and ").append(carriers.size() - NAMED).append(" more");
        }
        double[] usualRecords = records.stream().mapToDouble(Long::doubleValue).sorted().toArray();
        double[] usualSeconds = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        String severe = spike.severe ? String.format(Locale.ROOT, " It is %s behind, %s times the bar of %s:"
                + " the store or the source is not keeping up.", seconds(worstSeconds), PlainUnits.count((long) SEVERE_FACTOR),
                seconds(spike.secondsBar)) : "";
        return new Finding(spike.severe ? Phase.SEVERE : Phase.BEGAN, topic, partition, at, String.format(Locale.ROOT,
                "%s: lag rose to %s records / %s at %s, carried by %s; usually under %s records / %s.%s", job,
                PlainUnits.count(totalRecords), seconds(worstSeconds), at, carried,
                PlainUnits.count(Math.round(RobustSpread.quantile(usualRecords, 0.95))),
                seconds(RobustSpread.quantile(usualSeconds, 0.95)), severe));
    }

    /** The bar a value must pass: beyond {@code spread}'s median by the sensitivity's deviations and {@code floor}, and by a factor. */
    private double bar(RobustSpread spread, double floor) {
        return Math.max(spread.median() + spread.margin(floor, sensitivity), FACTOR * spread.median());
    }

    private void learn(long totalRecords, double worstSeconds) {
        records.addLast(totalRecords);
        seconds.addLast(worstSeconds);
        if (records.size() > LEARNED) {
            records.removeFirst();
            seconds.removeFirst();
        }
    }

    private static String seconds(double s) {
        return s < 0 ? "? s" : s < 10 ? String.format(Locale.ROOT, "%.1f s", s) : PlainUnits.count(Math.round(s)) + " s";
    }
}
