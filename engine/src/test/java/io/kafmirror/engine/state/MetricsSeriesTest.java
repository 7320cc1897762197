package io.kafmirror.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetricsSeriesTest extends StateDatabaseFixture {

    static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    static final Instant HOUR_AGO = NOW.minus(Duration.ofHours(1));
    static final Duration EVERY = Duration.ofSeconds(10);
    static final int SAMPLES = 360;
    static final int SPIKE = 100;
    static final int FAILED = 200;

    MetricsSeriesTest() {
        super("cli", NOW, Duration.ofDays(1));
    }

    @Test
    void anHourDownsampledHasAtMostTheAskedPointsPerPartitionOldestFirst() {
        insertHour();

        List<PartitionSeries> series = db.metrics().series(SeriesQuery.of("orders", HOUR_AGO, NOW, 12));

        assertThat(series).extracting(PartitionSeries::topic, PartitionSeries::partition)
                .containsExactly(tuple("orders", 0), tuple("orders", 1), tuple("payments", 0));
        assertThat(series).allSatisfy(partition -> assertThat(partition.points()).hasSize(12)
                .extracting(MetricSample::at).isSorted());
    }

    @Test
    void aLagSpikeSurvivesDownsamplingWhileThroughputAndLatencyAreAveraged() {
        insertHour();

        List<MetricSample> points = db.metrics().series(SeriesQuery.of("orders", HOUR_AGO, NOW, 12).partition("orders", 0))
                .get(0).points();

        assertThat(points).extracting(MetricSample::lagRecords).containsOnlyOnce(9000L).containsOnly(50L, 9000L);
        assertThat(points).extracting(MetricSample::lagSeconds).containsOnlyOnce(120.0).containsOnly(1.0, 120.0);
        assertThat(points).allSatisfy(point -> {
            assertThat(point.recordsPerSecond()).isCloseTo(20.0, within(1.0));
            assertThat(point.latencyP50Millis()).isCloseTo(200L, within(7L));
        });
    }

    @Test
    void lagPercentilesOfTheJobAndEachTopicOverAWindow() {
        // 100 instants: orders-0 i records and i/10 s behind, orders-1 nothing stored yet; payments-0 1,000 records and 2 s,
        // once 500 s.
        List<MetricSample> samples = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            Instant at = HOUR_AGO.plus(EVERY.multipliedBy(i));
            samples.add(lagSample("orders", 0, at, i, i / 10.0));
            samples.add(lagSample("orders", 1, at, 0, -1));
            samples.add(lagSample("payments", 0, at, 1_000, i == 77 ? 500 : 2));
        }
        db.metrics().insert(samples);

        List<LagPercentiles> all = db.metrics().lagPercentiles("orders", HOUR_AGO, NOW);

        assertThat(all).extracting(LagPercentiles::topic, LagPercentiles::samples, LagPercentiles::records, LagPercentiles::seconds)
                .containsExactly(
                        tuple(null, 100, new LagPercentiles.Percentiles(1_050, 1_095, 1_099, 1_100),
                                new LagPercentiles.Percentiles(5.0, 9.6, 10.0, 500)),
                        tuple("orders", 100, new LagPercentiles.Percentiles(50, 95, 99, 100),
                                new LagPercentiles.Percentiles(5.0, 9.5, 9.9, 10.0)),
                        tuple("payments", 100, new LagPercentiles.Percentiles(1_000, 1_000, 1_000, 1_000),
                                new LagPercentiles.Percentiles(2, 2, 2, 500)));
        Instant half = HOUR_AGO.plus(EVERY.multipliedBy(51));
        assertThat(db.metrics().lagPercentiles("orders", half, NOW).get(1))
                .as("the window's instants only").extracting(LagPercentiles::samples, LagPercentiles::records)
                .containsExactly(50, new LagPercentiles.Percentiles(75, 98, 100, 100));
        assertThat(db.metrics().lagPercentiles("refunds", HOUR_AGO, NOW)).singleElement()
                .isEqualTo(new LagPercentiles("refunds", null, HOUR_AGO, NOW, 0, new LagPercentiles.Percentiles(0, 0, 0, 0),
                        new LagPercentiles.Percentiles(0, 0, 0, 0)));
        assertThatThrownBy(() -> db.metrics().lagPercentiles("orders", NOW, HOUR_AGO)).hasMessageContaining("swap them");
    }

    private static MetricSample lagSample(String topic, int partition, Instant at, long lagRecords, double lagSeconds) {
        return new MetricSample("orders", topic, partition, at, 10_000, 10_000 - lagRecords, lagRecords, lagSeconds, 10, 1_000, null, null);
    }

    @Test
    void theLastErrorOfABucketSurvivesASampleWithoutOne() {
        insertHour();

        List<MetricSample> points = db.metrics().series(SeriesQuery.of("orders", HOUR_AGO, NOW, 12).partition("orders", 1))
                .get(0).points();

        assertThat(points).extracting(MetricSample::lastError).containsOnlyOnce("the store refused the write: 503")
                .containsOnly(null, "the store refused the write: 503");
    }

    @Test
    void theLastPointHasTheTimeAndOffsetsOfTheNewestSample() {
        insertHour();

        List<PartitionSeries> series = db.metrics().series(SeriesQuery.of("orders", HOUR_AGO, NOW, 12).topic("orders"));

        assertThat(series).extracting(s -> s.points().get(s.points().size() - 1))
                .extracting(MetricSample::partition, MetricSample::at, MetricSample::storedOffset, MetricSample::sourceEndOffset)
                .containsExactly(tuple(0, NOW.minus(EVERY), stored(0, SAMPLES - 1), stored(0, SAMPLES - 1) + 50),
                        tuple(1, NOW.minus(EVERY), stored(1, SAMPLES - 1), stored(1, SAMPLES - 1) + 50));
    }

    @Test
    void aTopicRecreatedWithinABucketShowsItsNewOffsets() {
        db.metrics().insert(List.of(sample("orders", 0, HOUR_AGO, 5000), sample("orders", 0, HOUR_AGO.plus(EVERY), 0)));

        List<MetricSample> points = db.metrics().series(SeriesQuery.of("orders", HOUR_AGO, NOW, 1)).get(0).points();

        assertThat(points).extracting(MetricSample::storedOffset, MetricSample::sourceEndOffset).containsExactly(tuple(0L, 50L));
    }

    @Test
    void aDayOfSamplesIsChartedAndSummedUpWithinSeconds() {
        Instant dayAgo = NOW.minus(Duration.ofDays(1));
        List<MetricSample> day = new ArrayList<>();
        for (int i = 0; i < Duration.ofDays(1).dividedBy(EVERY); i++) {
            day.add(sample("orders", 0, dayAgo.plus(EVERY.multipliedBy(i)), i));
        }
        db.metrics().insert(day);

        assertTimeout(Duration.ofSeconds(10), () -> {
            assertThat(db.metrics().series(SeriesQuery.of("orders", dayAgo, NOW, 1000)).get(0).points()).hasSize(1000);
            assertThat(db.metrics().latest("orders")).extracting(MetricSample::at).containsExactly(NOW.minus(EVERY));
            assertThat(db.metrics().lagPercentiles("orders", dayAgo, NOW).get(0).samples()).isEqualTo(8_640);
        });
    }

    @Test
    void fewerSamplesThanPointsAreGivenAsTheyAre() {
        List<MetricSample> inserted = insertHour();

        List<MetricSample> points = db.metrics().series(SeriesQuery.of("orders", HOUR_AGO, NOW, 1000).partition("payments", 0))
                .get(0).points();

        assertThat(points).containsExactlyElementsOf(inserted.stream().filter(s -> s.topic().equals("payments")).toList());
    }

    @Test
    void onlyTheSamplesInTheRangeAreRead() {
        insertHour();
        Instant from = HOUR_AGO.plus(Duration.ofMinutes(10));

        List<MetricSample> points = db.metrics().series(SeriesQuery.of("orders", from, from.plus(Duration.ofMinutes(1)), 1000)
                .partition("orders", 0)).get(0).points();

        assertThat(points).extracting(MetricSample::at).hasSize(7).startsWith(from).endsWith(from.plus(Duration.ofMinutes(1)));
    }

    @Test
    void latestGivesTheNewestSampleOfEachPartitionOfTheJob() {
        List<MetricSample> inserted = insertHour();
        db.metrics().insert(List.of(sample("audit", 0, NOW, 7)));

        assertThat(db.metrics().latest("orders"))
                .containsExactly(inserted.get(SAMPLES - 1), inserted.get(2 * SAMPLES - 1), inserted.get(3 * SAMPLES - 1));
        assertThat(db.metrics().latest("unknown")).isEmpty();
    }

    @Test
    void aSampleForAnInstantAlreadyStoredReplacesIt() {
        db.metrics().insert(List.of(sample("orders", 0, NOW, 100)));
        MetricSample corrected = new MetricSample("orders", "orders", 0, NOW, 180, 150, 30, 0.5, 5.0, 500.0, null,
                "source unreachable");

        db.metrics().insert(List.of(corrected));

        assertThat(db.metrics().latest("orders")).containsExactly(corrected);
        assertThat(storedTimes()).containsExactly(NOW);
    }

    @Test
    void samplesOlderThanTheRetentionArePrunedAtMostOncePerPruneInterval() {
        Instant twoDaysAgo = NOW.minus(Duration.ofDays(2));
        db.metrics().insert(List.of(sample("orders", 0, twoDaysAgo, 1), sample("orders", 0, NOW, 2)));
        assertThat(storedTimes()).containsExactly(NOW);

        clock.advance(MetricsSeries.PRUNE_EVERY.minusSeconds(1));
        db.metrics().insert(List.of(sample("orders", 1, twoDaysAgo, 3)));
        assertThat(storedTimes()).containsExactly(twoDaysAgo, NOW);

        clock.advance(Duration.ofSeconds(1));
        db.metrics().insert(List.of(sample("orders", 1, clock.instant(), 4)));
        assertThat(storedTimes()).containsExactly(NOW, clock.instant());
    }

    @Test
    void pruneDeletesWhatIsOlderThanItIsGivenAndSaysHowMany() {
        db.metrics().insert(List.of(sample("orders", 0, HOUR_AGO, 1), sample("payments", 0, HOUR_AGO, 1), sample("orders", 0, NOW, 2)));

        assertThat(db.metrics().prune(NOW)).isEqualTo(2);
        assertThat(storedTimes()).containsExactly(NOW);
    }

    @Test
    void byDefaultSamplesAreKeptForFourteenDays() {
        db.close();
        db = StateDatabase.open(dataDir, "cli");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant thirteenDaysAgo = now.minus(Duration.ofDays(13));

        db.metrics().insert(List.of(sample("orders", 0, now.minus(Duration.ofDays(15)), 1), sample("orders", 0, thirteenDaysAgo, 2)));

        assertThat(db.metrics().series(SeriesQuery.of("orders", now.minus(Duration.ofDays(30)), now, 1000)).get(0).points())
                .extracting(MetricSample::at).containsExactly(thirteenDaysAgo);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void theRetentionMustBePositive(long days) {
        assertThatThrownBy(() -> StateDatabase.open(dataDir, "cli", clock, Duration.ofDays(days)))
                .hasMessageContaining("The metrics retention must be positive, e.g. 14 days");
    }

    /** A sample of {@code job}'s topic {@code orders}, all fine, with {@code storedOffset}. */
    static MetricSample sample(String job, int partition, Instant at, long storedOffset) {
        return new MetricSample(job, "orders", partition, at, storedOffset + 50, storedOffset, 50, 1.0, 20.0, 2048.0, 200L, null);
    }

    /**
     * Inserts the last hour of job {@code orders} in one batch, one sample each {@link #EVERY} for partitions 0
     * and 1 of topic {@code orders} and 0 of {@code payments}; returns them sorted by topic, partition and time.
     * Lag is 50 records (1 s) but for a spike at sample {@link #SPIKE} of orders-0; throughput and latency
     * alternate around 20 records/s and 200 ms; orders-1 has an error at sample {@link #FAILED} only.
     */
    private List<MetricSample> insertHour() {
        List<MetricSample> all = new ArrayList<>();
        for (String topic : List.of("orders", "payments")) {
            for (int partition = 0; partition < (topic.equals("orders") ? 2 : 1); partition++) {
                for (int i = 0; i < SAMPLES; i++) {
                    all.add(hourSample(topic, partition, i));
                }
            }
        }
        db.metrics().insert(all);
        return all;
    }

    private static MetricSample hourSample(String topic, int partition, int i) {
        boolean spike = topic.equals("orders") && partition == 0 && i == SPIKE;
        boolean failed = topic.equals("orders") && partition == 1 && i == FAILED;
        return new MetricSample("orders", topic, partition, HOUR_AGO.plus(EVERY.multipliedBy(i)), stored(partition, i) + 50,
                stored(partition, i), spike ? 9000 : 50, spike ? 120.0 : 1.0, i % 2 == 0 ? 10.0 : 30.0, i % 2 == 0 ? 1000.0 : 3000.0,
                i % 2 == 0 ? 100L : 300L, failed ? "the store refused the write: 503" : null);
    }

    private static long stored(int partition, int i) {
        return 1000L * partition + 100L * i;
    }

    /** When the stored samples of job {@code orders} were taken, oldest first. */
    private List<Instant> storedTimes() {
        return db.metrics().series(SeriesQuery.of("orders", NOW.minus(Duration.ofDays(3)), NOW.plus(Duration.ofDays(1)), 100_000))
                .stream().flatMap(s -> s.points().stream()).map(MetricSample::at).sorted().toList();
    }
}
