package io.kafmirror.engine.state;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The per-partition metrics of every job over time: written in batches by the engine, read by the
 * console's charts (downsampled) and by {@code jobs status} (latest sample). Samples older than the
 * retention are deleted by {@link #insert} at most once per {@link #PRUNE_EVERY}.
 */
public final class MetricsSeries {

    /** How long samples are kept by default. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(14);
    /** How often {@link #insert} prunes at most: pruning scans an index, inserts are every few seconds. */
    public static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private static final String COLUMNS = "job, topic, partition_id, at, source_end_offset, stored_offset, lag_records,"
            + " lag_seconds, records_per_second, bytes_per_second, latency_p50_ms, last_error";

    /*
     * One row per bucket and partition, in one pass over the range: the bucket's last sample gives the time and
     * the offsets (the last is the truth: offsets grow, but start again at 0 when a topic is recreated, so MAX
     * would not do); lag is the bucket's worst, so that a spike does not vanish when the chart zooms out;
     * throughput and latency are averaged; the error is the bucket's last one, for the same reason as the lag.
     * (at - from) / width is integer division, so it numbers the buckets. Joining the groups back onto the table
     * to read their last sample made H2 group the range again for every sample: minutes for a day of samples.
     */
    private static final String BUCKETS = "SELECT job, topic, partition_id, MAX(at),"
            + " (ARRAY_AGG(source_end_offset ORDER BY at DESC))[1], (ARRAY_AGG(stored_offset ORDER BY at DESC))[1],"
            + " MAX(lag_records), MAX(lag_seconds), AVG(records_per_second), AVG(bytes_per_second),"
            + " AVG(CAST(latency_p50_ms AS DOUBLE PRECISION)),"
            + " (ARRAY_AGG(last_error ORDER BY at DESC) FILTER (WHERE last_error IS NOT NULL))[1]"
            + " FROM (SELECT *, (at - ?) / ? AS bucket FROM metric_sample WHERE job = ? AND at BETWEEN ? AND ? %s)"
            + " GROUP BY job, topic, partition_id, bucket ORDER BY topic, partition_id, MAX(at)";

    private final StateConnection db;
    private final Clock clock;
    private final Duration retention;
    private Instant nextPrune = Instant.MIN;

    MetricsSeries(StateConnection db, Clock clock, Duration retention) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("The metrics retention must be positive, e.g. 14 days, not " + retention);
        }
        this.db = db;
        this.clock = clock;
        this.retention = retention;
    }

    /**
     * Stores {@code samples} in one transaction; a sample for a partition and instant already stored replaces
     * it. Prunes samples older than the retention when the last prune is {@link #PRUNE_EVERY} ago.
     */
    public synchronized void insert(List<MetricSample> samples) {
        List<Object[]> rows = new ArrayList<>(samples.size());
        for (MetricSample s : samples) {
            JobStore.checkName(s.job());
            rows.add(new Object[] {s.job(), s.topic(), s.partition(), s.at().toEpochMilli(), s.sourceEndOffset(), s.storedOffset(),
                    s.lagRecords(), s.lagSeconds(), s.recordsPerSecond(), s.bytesPerSecond(), s.latencyP50Millis(), s.lastError()});
        }
        db.batch("MERGE INTO metric_sample (" + COLUMNS + ") KEY (job, topic, partition_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
        Instant now = clock.instant();
        if (!now.isBefore(nextPrune)) {
            prune(now.minus(retention));
            nextPrune = now.plus(PRUNE_EVERY);
        }
    }

    /**
     * The series {@code query} selects, one per partition, sorted by topic and partition. The range is cut
     * into {@code maxPoints} equal time buckets, and each bucket with samples gives one point: the time and
     * offsets of its last sample, its highest lag, its mean throughput and latency, its last error. The
     * newest sample thus always gives the last point's time and offsets.
     */
    public List<PartitionSeries> series(SeriesQuery query) {
        long from = query.from().toEpochMilli();
        // The width makes the last bucket end after 'to', so that 'to' itself falls in bucket maxPoints - 1 at most.
        long width = (query.to().toEpochMilli() - from) / query.maxPoints() + 1;
        List<Object> args = new ArrayList<>(List.of(from, width, query.job(), from, query.to().toEpochMilli()));
        StringBuilder narrow = new StringBuilder();
        if (query.topic() != null) {
            narrow.append("AND topic = ?");
            args.add(query.topic());
        }
        if (query.partition() != null) {
            narrow.append(" AND partition_id = ?");
            args.add(query.partition());
        }
        Map<String, List<MetricSample>> byPartition = new LinkedHashMap<>();
        for (MetricSample s : db.query(BUCKETS.formatted(narrow), MetricsSeries::sample, args.toArray())) {
            byPartition.computeIfAbsent(s.topic() + '\n' + s.partition(), k -> new ArrayList<>()).add(s);
        }
        return byPartition.values().stream().map(points -> new PartitionSeries(points.get(0).topic(), points.get(0).partition(), points))
                .toList();
    }

    /** The newest sample of each partition of {@code job}, sorted by topic and partition: what {@code jobs status} shows. */
    public List<MetricSample> latest(String job) {
        // IN rather than a join with the grouping: H2 would group the job's samples again for every sample it joins.
        return db.query("SELECT " + COLUMNS + " FROM metric_sample WHERE job = ? AND (topic, partition_id, at) IN (SELECT topic,"
                        + " partition_id, MAX(at) FROM metric_sample WHERE job = ? GROUP BY topic, partition_id) ORDER BY topic, partition_id",
                MetricsSeries::sample, job, job);
    }

    /**
     * The lag percentiles of {@code job} from {@code from} to {@code to} (both included): first of the whole job, then of
     * each of its topics with samples in the window, sorted by name. Without samples, the job's entry has none (0s).
     * What the Dashboard shows for its range, {@code jobs status --window} prints, and "RPO achieved per topic" is.
     */
    public List<LagPercentiles> lagPercentiles(String job, Instant from, Instant to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("The window starts at " + from + ", after its end " + to + ": swap them");
        }
        // The samples as they are, summed per instant here: grouping by instant in H2 took several times as long.
        List<Object[]> rows = db.query("SELECT topic, at, lag_records, lag_seconds FROM metric_sample WHERE job = ? AND at BETWEEN ? AND ?",
                rs -> new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4)},
                job, from.toEpochMilli(), to.toEpochMilli());
        Map<Long, double[]> jobInstants = new HashMap<>();
        Map<String, Map<Long, double[]>> topicInstants = new TreeMap<>();
        for (Object[] row : rows) {
            double[] lag = {Math.max(0, (Long) row[2]), (Double) row[3]};
            jobInstants.merge((Long) row[1], lag, MetricsSeries::atOneInstant);
            topicInstants.computeIfAbsent((String) row[0], t -> new HashMap<>()).merge((Long) row[1], lag.clone(), MetricsSeries::atOneInstant);
        }
        List<LagPercentiles> all = new ArrayList<>();
        all.add(percentiles(job, null, from, to, jobInstants.values()));
        topicInstants.forEach((topic, instants) -> all.add(percentiles(job, topic, from, to, instants.values())));
        return all;
    }

    /** Two partitions' lag at one instant: records summed, seconds of the one further behind. */
    private static double[] atOneInstant(double[] a, double[] b) {
        return new double[] {a[0] + b[0], Math.max(a[1], b[1])};
    }

    private static LagPercentiles percentiles(String job, String topic, Instant from, Instant to, Collection<double[]> instants) {
        double[] records = instants.stream().mapToDouble(i -> i[0]).toArray();
        // -1 is "nothing stored yet": no lag in seconds is known then.
        double[] seconds = instants.stream().mapToDouble(i -> i[1]).filter(s -> s >= 0).toArray();
        return new LagPercentiles(job, topic, from, to, instants.size(), LagPercentiles.Percentiles.of(records),
                LagPercentiles.Percentiles.of(seconds));
    }

    /** Deletes the samples taken before {@code before}; returns how many. */
    public int prune(Instant before) {
        return db.update("DELETE FROM metric_sample WHERE at < ?", before.toEpochMilli());
    }

    private static MetricSample sample(ResultSet rs) throws SQLException {
        double latency = rs.getDouble(11);
        Long latencyMillis = rs.wasNull() ? null : Math.round(latency);
        return new MetricSample(rs.getString(1), rs.getString(2), rs.getInt(3), Instant.ofEpochMilli(rs.getLong(4)), rs.getLong(5),
                rs.getLong(6), rs.getLong(7), rs.getDouble(8), rs.getDouble(9), rs.getDouble(10), latencyMillis, rs.getString(12));
    }
}
