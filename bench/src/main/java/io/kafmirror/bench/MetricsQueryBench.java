package io.kafmirror.bench;

import io.kafmirror.engine.state.MetricSample;
import io.kafmirror.engine.state.SeriesQuery;
import io.kafmirror.engine.state.StateDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

/**
 * How long the metrics queries of one job over a time range take on a week of 10 s samples of 6 partitions (and a
 * second job as large), with and without the index {@code metric_sample (job, at)} of state schema 6, and the plan H2
 * chooses for each. Usage: {@code bench/run metrics [--days N] [--partitions N]}.
 */
public final class MetricsQueryBench {

    private static final String RANGE = "SELECT topic, at, lag_records, lag_seconds FROM metric_sample"
            + " WHERE job = 'orders' AND at BETWEEN %d AND %d";

    private MetricsQueryBench() {
    }

    public static void main(String[] args) throws Exception {
        int days = intOption(args, "--days", 7);
        int partitions = intOption(args, "--partitions", 6);
        Instant now = Instant.now();
        Path dir = Files.createTempDirectory("kaf-mirror-metrics-bench");
        try (StateDatabase state = StateDatabase.open(dir, "bench", Clock.fixed(now, ZoneOffset.UTC), Duration.ofDays(days + 1))) {
            long rows = fill(state, "orders", now, days, partitions) + fill(state, "other", now, days, partitions);
            System.out.printf(Locale.ROOT, "%,d samples: %d days of 10 s samples of %d partitions, jobs orders and other%n",
                    rows, days, partitions);
            try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("state") + ";AUTO_SERVER=TRUE",
                    "kaf-mirror", ""); Statement s = c.createStatement()) {
                report("with metric_sample_job_at", state, s, now, days);
                s.execute("DROP INDEX metric_sample_job_at");
                report("without it (schema 5)", state, s, now, days);
                s.execute("CREATE INDEX metric_sample_job_at ON metric_sample (job, at)");
            }
        }
    }

    private static long fill(StateDatabase state, String job, Instant now, int days, int partitions) {
        Random random = new Random(job.hashCode());
        long samples = days * 8_640L;
        List<MetricSample> chunk = new ArrayList<>();
        long rows = 0;
        for (long i = samples; i > 0; i--) {
            Instant at = now.minusSeconds(10 * i);
            for (int p = 0; p < partitions; p++) {
                long lag = (long) (200 * Math.exp(0.5 * random.nextGaussian()));
                chunk.add(new MetricSample(job, "orders", p, at, 1_000_000 + i, 1_000_000 + i - lag, lag,
                        random.nextDouble() * 2, 100, 30_000, 20L, null));
            }
            if (chunk.size() >= 6_000) {
                state.metrics().insert(chunk);
                rows += chunk.size();
                chunk.clear();
            }
        }
        state.metrics().insert(chunk);
        return rows + chunk.size();
    }

    private static void report(String variant, StateDatabase state, Statement s, Instant now, int days) throws SQLException {
        Instant hourAgo = now.minus(Duration.ofHours(1));
        Instant weekAgo = now.minus(Duration.ofDays(days));
        System.out.println(variant + ":");
        System.out.println("  plan: " + plan(s, String.format(Locale.ROOT, RANGE, hourAgo.toEpochMilli(), now.toEpochMilli())));
        time("lagPercentiles, last hour", () -> state.metrics().lagPercentiles("orders", hourAgo, now));
        time("lagPercentiles, whole range", () -> state.metrics().lagPercentiles("orders", weekAgo, now));
        time("series (chart), last hour, 300 points", () -> state.metrics().series(SeriesQuery.of("orders", hourAgo, now, 300)));
        time("series (chart), whole range, 300 points", () -> state.metrics().series(SeriesQuery.of("orders", weekAgo, now, 300)));
    }

    private static String plan(Statement s, String query) throws SQLException {
        try (ResultSet rs = s.executeQuery("EXPLAIN " + query)) {
            rs.next();
            return rs.getString(1).replaceAll("\\s+", " ");
        }
    }

    /** The median of 5 runs after one warm-up. */
    private static void time(String what, Supplier<?> query) {
        query.get();
        long[] millis = new long[5];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            query.get();
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "  %-42s %,8d ms (median of 5; %s)%n", what, millis[2], Arrays.toString(millis));
    }

    private static int intOption(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
