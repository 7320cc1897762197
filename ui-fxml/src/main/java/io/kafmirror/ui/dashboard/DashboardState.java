package io.kafmirror.ui.dashboard;

import io.kafmirror.engine.state.HistoryFilter;
import io.kafmirror.engine.state.Job;
import io.kafmirror.engine.state.LagPercentiles;
import io.kafmirror.engine.state.MetricSample;
import io.kafmirror.engine.state.SeriesQuery;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.ui.ConsoleState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The dashboard's reads of the state database shared with {@code kaf-mirror run}, which writes the samples and
 * events; opened as actor {@code console} on first use. Blocks on H2: call it off the FX thread.
 */
public final class DashboardState implements AutoCloseable {

    /** Points per partition in a chart: one per 10 s engine sample over an hour, about a pixel each on a wide screen. */
    static final int MAX_POINTS = 360;

    private final ConsoleState state;
    private LagRead lag;

    /** The state database in {@code dataDir}, not opened yet. */
    public DashboardState(Path dataDir) {
        this.state = new ConsoleState(dataDir);
    }

    /**
     * The jobs, and {@code job} over {@code range} up to {@code now}, of {@code topic} only (its points, partitions and
     * events, with the events of the whole job) or of all its topics for {@code null}; the first job when {@code job}
     * is {@code null} or gone, all topics when {@code topic} is not the job's.
     */
    public synchronized DashboardReading read(String job, String topic, DashboardRange range, Instant now) {
        StateDatabase db = state.get();
        List<Job> all = db.jobs().list().stream().sorted(Comparator.comparing(Job::name)).toList();
        List<String> jobs = all.stream().map(Job::name).toList();
        Job read = all.stream().filter(j -> j.name().equals(job)).findFirst().orElse(all.isEmpty() ? null : all.get(0));
        Instant from = now.minus(range.length());
        if (read == null) {
            return new DashboardReading(jobs, null, List.of(), null, range, from, now, List.of(), List.of(), List.of(), null);
        }
        String shown = read.name();
        List<MetricSample> latest = db.metrics().latest(shown);
        List<String> topics = latest.stream().map(MetricSample::topic).distinct().sorted().toList();
        String of = topics.contains(topic) ? topic : null;
        SeriesQuery ofJob = SeriesQuery.of(shown, from, now, MAX_POINTS);
        SeriesQuery query = of == null ? ofJob : ofJob.topic(of);
        List<TotalPoint> points = TotalPoint.of(query, db.metrics().series(query));
        List<EventMarker> markers = db.history().query(HistoryFilter.of(shown).between(from, now)).stream()
                .filter(e -> of == null || e.topic() == null || e.topic().equals(of)).map(EventMarker::of)
                .sorted(Comparator.comparing(EventMarker::at).thenComparing(m -> m.entry().id())).toList();
        List<PartitionRow> partitions = latest.stream().filter(s -> of == null || s.topic().equals(of)).map(PartitionRow::new).toList();
        List<LagPercentiles> lag = lagPercentiles(db, shown, range, now);
        LagPercentiles.Percentiles none = LagPercentiles.Percentiles.of(new double[0]);
        LagPercentiles shownLag = lag.stream().filter(l -> Objects.equals(l.topic(), of)).findFirst()
                .orElse(new LagPercentiles(shown, of, from, now, 0, none, none));
        return new DashboardReading(jobs, shown, topics, of, range, range.start(now, read.created()), now, points, markers,
                partitions, shownLag);
    }

    /**
     * The lag percentiles of {@code job} and its topics over {@code range}, read again once the last read is a chart
     * point's width old (10 s for an hour, 28 minutes for a week): they read every sample of the range, which takes
     * seconds for a week, and a few new samples barely move them.
     */
    private List<LagPercentiles> lagPercentiles(StateDatabase db, String job, DashboardRange range, Instant now) {
        boolean fresh = lag != null && lag.job().equals(job) && lag.range() == range
                && now.isBefore(lag.read().plus(range.length().dividedBy(MAX_POINTS)));
        if (!fresh) {
            lag = new LagRead(job, range, now, db.metrics().lagPercentiles(job, now.minus(range.length()), now));
        }
        return lag.percentiles();
    }

    /** The last lag percentiles read, of which job and range, when. */
    private record LagRead(String job, DashboardRange range, Instant read, List<LagPercentiles> percentiles) {
    }

    /** Closes the database; the next read opens it again. */
    @Override
    public synchronized void close() {
        state.close();
    }
}
