package io.kafmirror.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.config.TopicSelection;
import io.kafmirror.engine.mirror.MirrorEvent;
import io.kafmirror.engine.mirror.Severity;
import io.kafmirror.engine.state.MetricSample;
import io.kafmirror.engine.state.MetricsSeries;
import io.kafmirror.engine.state.StateDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's reads of a real H2 file written through the engine's API: chart totals, markers and partition rows. */
class DashboardStateTest {

    @TempDir
    Path data;

    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    DashboardState state;

    @BeforeEach
    void anHourOfSamples() {
        SampledJob.write(data, now);
        state = new DashboardState(data);
    }

    @AfterEach
    void close() {
        state.close();
    }

    @Test
    void aTopicShowsItsOwnPointsPartitionsAndEventsWithThoseOfTheWholeJob() {
        DashboardReading euOnly = state.read(SampledJob.JOB, null, DashboardRange.LAST_HOUR, now);
        state.close();
        try (StateDatabase run = StateDatabase.open(data, "run")) {
            List<MetricSample> us = new ArrayList<>();
            for (int j = 1; j <= SampledJob.SAMPLES; j++) {
                us.add(new MetricSample(SampledJob.JOB, "orders.us", 0, now.minus(SampledJob.EVERY.multipliedBy(SampledJob.SAMPLES - j)),
                        7000L * j, 7000L * j - 5, 5, 0.5, 70, 70_000, null, null));
            }
            run.metrics().insert(us);
            run.history().append(SampledJob.JOB, new MirrorEvent(MirrorEvent.Type.FORMAT_DRIFT, now.minusSeconds(60), "orders.us", -1,
                    "orders.us: 40 % of records are not valid JSON"));
        }

        DashboardReading eu = state.read(SampledJob.JOB, "orders.eu", DashboardRange.LAST_HOUR, now);
        DashboardReading all = state.read(SampledJob.JOB, null, DashboardRange.LAST_HOUR, now);

        assertThat(eu.topics()).containsExactly("orders.eu", "orders.us");
        assertThat(eu.topic()).isEqualTo("orders.eu");
        assertThat(eu.points()).isEqualTo(euOnly.points());
        assertThat(eu.markers()).isEqualTo(euOnly.markers());
        assertThat(eu.partitions()).isEqualTo(euOnly.partitions());
        assertThat(all.markers()).extracting(m -> m.entry().type()).contains("FORMAT_DRIFT");
        assertThat(all.partitions()).hasSize(euOnly.partitions().size() + 1);
        assertThat(all.points()).isNotEqualTo(euOnly.points());
        assertThat(state.read(SampledJob.JOB, "gone", DashboardRange.LAST_HOUR, now).topic()).as("not the job's: all").isNull();
    }

    @Test
    void aJobYoungerThanTheRangeIsChartedFromItsCreationAndOneJustAddedOverTwoMinutes() {
        Instant added = now.minus(Duration.ofMinutes(10));
        addJob("young", added);
        addJob("new", now.minusSeconds(20));

        assertThat(state.read("young", null, DashboardRange.LAST_HOUR, now).from()).isEqualTo(added);
        assertThat(state.read("young", null, DashboardRange.LAST_WEEK, now).from()).isEqualTo(added);
        assertThat(state.read("new", null, DashboardRange.LAST_HOUR, now).from()).isEqualTo(now.minus(DashboardRange.SHORTEST));
        assertThat(state.read(SampledJob.JOB, null, DashboardRange.LAST_HOUR, now).from()).as("a job older than the range")
                .isEqualTo(now.minus(DashboardRange.LAST_HOUR.length()));
        assertThat(state.read(SampledJob.JOB, null, DashboardRange.LAST_DAY, now).from()).as("a job younger than the day")
                .isEqualTo(SampledJob.created(now));
    }

    private void addJob(String name, Instant at) {
        Clock clock = Clock.fixed(at, ZoneOffset.UTC);
        try (StateDatabase added = StateDatabase.open(data, "run", clock, MetricsSeries.DEFAULT_RETENTION)) {
            added.jobs().add(name, JobConfig.of("demo", "local", TopicSelection.parse("orders.*", "")));
        }
    }

    @Test
    void chartPointsSumThePartitionsPerBucketOverTheRange() {
        DashboardReading hour = state.read(SampledJob.JOB, null, DashboardRange.LAST_HOUR, now);

        assertThat(hour.from()).isEqualTo(now.minusSeconds(3600));
        assertThat(hour.points()).as("one per sampling instant, the two-hour-old sample left out").hasSize(SampledJob.SAMPLES);
        assertThat(hour.points()).allSatisfy(p -> assertThat(p.recordsPerSecond()).isEqualTo(30.0));
        TotalPoint oldest = hour.points().get(0);
        assertThat(oldest.at()).as("the newer of the two partitions' samples").isEqualTo(now.minus(SampledJob.EVERY.multipliedBy(119)));
        assertThat(oldest.lagRecords()).isEqualTo(100 + 1);
        TotalPoint newest = hour.points().get(hour.points().size() - 1);
        assertThat(newest.at()).isEqualTo(now);
        assertThat(newest.lagRecords()).isEqualTo(100 + SampledJob.SAMPLES);

        DashboardReading day = state.read(SampledJob.JOB, null, DashboardRange.LAST_DAY, now);
        assertThat(day.points().get(0).lagRecords()).as("the two-hour-old sample is in the day").isEqualTo(50_000);
        assertThat(day.points().size()).as("a day of 360 buckets of 4 minutes").isBetween(16, 17);
    }

    @Test
    void markersAreTheJobsHistoryInTheRangeOldestFirstBySeverity() {
        DashboardReading hour = state.read(SampledJob.JOB, null, DashboardRange.LAST_HOUR, now);

        assertThat(hour.markers()).extracting(m -> m.entry().type(), EventMarker::severity, EventMarker::at)
                .containsExactly(tuple("GAP", Severity.CRITICAL, SampledJob.gapAt(now)),
                        tuple("RUN_STARTED", Severity.INFO, SampledJob.runStarted(now)));
        EventMarker gap = hour.markers().get(0);
        assertThat(gap.summary()).endsWith("GAP · orders.eu-1");
        assertThat(gap.details()).startsWith("GAP · orders.eu-1\n" + SampledJob.GAP_MESSAGE + "\n\n")
                .endsWith("(" + SampledJob.gapAt(now) + "), recorded by run");

        List<EventMarker> day = state.read(SampledJob.JOB, null, DashboardRange.LAST_DAY, now).markers();
        assertThat(day).extracting(m -> m.entry().type()).startsWith("JOB_ADDED", "TOPIC_RECREATED");
        assertThat(day.get(1).severity()).isEqualTo(Severity.WARNING);
        assertThat(day.get(1).summary()).endsWith("TOPIC_RECREATED · orders.eu");
    }

    @Test
    void theEnginesLagSpikesAreMarkedAsWarningsAndALagBumpInTheSamplesAloneIsNot() {
        Instant spike = now.minus(SampledJob.EVERY.multipliedBy(20));
        try (StateDatabase run = StateDatabase.open(data, "run")) {
            run.metrics().insert(List.of(new MetricSample(SampledJob.JOB, "orders.eu", 2, spike, 50_000, 0, 50_000, 60, 0, 0, null, null)));
            run.history().append(SampledJob.JOB, new MirrorEvent(MirrorEvent.Type.LAG_SPIKE, spike, "orders.eu", 2,
                    "orders: lag rose to 50,200 records / 60 s"));
        }

        DashboardReading hour = state.read(SampledJob.JOB, null, DashboardRange.LAST_HOUR, now);

        assertThat(hour.markers()).extracting(m -> m.entry().type(), EventMarker::severity, EventMarker::at)
                .containsExactly(tuple("GAP", Severity.CRITICAL, SampledJob.gapAt(now)), tuple("LAG_SPIKE", Severity.WARNING, spike),
                        tuple("RUN_STARTED", Severity.INFO, SampledJob.runStarted(now)));
        assertThat(hour.markers().get(1).details()).startsWith("LAG_SPIKE · orders.eu-2\norders: lag rose to 50,200 records")
                .endsWith("recorded by run");
    }

    @Test
    void theLagPercentilesAreOfTheTopicPickedAndReadAgainOncePerChartPoint() {
        DashboardReading first = state.read(SampledJob.JOB, "orders.eu", DashboardRange.LAST_HOUR, now);
        state.close();
        try (StateDatabase run = StateDatabase.open(data, "run")) {
            run.metrics().insert(List.of(new MetricSample(SampledJob.JOB, "orders.eu", 0, now.plusSeconds(5), 90_000, 0, 90_000, 300, 0, 0,
                    null, null)));
        }

        DashboardReading soon = state.read(SampledJob.JOB, "orders.eu", DashboardRange.LAST_HOUR, now.plusSeconds(5));
        DashboardReading later = state.read(SampledJob.JOB, "orders.eu", DashboardRange.LAST_HOUR, now.plusSeconds(10));

        assertThat(first.lag().topic()).isEqualTo("orders.eu");
        assertThat(first.lag().records().max()).isEqualTo(120);
        assertThat(soon.lag()).as("within a chart point's 10 s").isEqualTo(first.lag());
        assertThat(later.lag().records().max()).as("read again").isEqualTo(90_000);
        assertThat(later.lag().seconds().max()).isEqualTo(300);
    }

    @Test
    void partitionRowsAreTheNewestSampleOfEachPartition() {
        DashboardReading hour = state.read(SampledJob.JOB, null, DashboardRange.LAST_HOUR, now);

        assertThat(hour.partitions()).extracting(PartitionRow::topic, PartitionRow::partitionText, PartitionRow::sourceEndText,
                        PartitionRow::storedText, PartitionRow::lagRecordsText, PartitionRow::lagSecondsText,
                        PartitionRow::recordsPerSecondText, PartitionRow::latencyP50Text, PartitionRow::lastErrorText)
                .containsExactly(
                        tuple("orders.eu", "0", "120,100", "120,000", "100", "1.5 s", "10", "40 ms", ""),
                        tuple("orders.eu", "1", "60,120", "60,000", "120", "14.0 s", "20", "–", "NOT_LEADER_OR_FOLLOWER: retrying"));
    }

    @Test
    void theFirstJobIsShownUntilOneIsPickedAndAJobNeverSampledHasNothingToDraw() {
        DashboardReading first = state.read(null, null, DashboardRange.LAST_HOUR, now);
        assertThat(first.jobs()).containsExactly("orders", "payments");
        assertThat(first.job()).isEqualTo("orders");
        assertThat(state.read("gone", null, DashboardRange.LAST_HOUR, now).job()).as("a removed job").isEqualTo("orders");

        DashboardReading idle = state.read("payments", null, DashboardRange.LAST_WEEK, now);
        assertThat(idle.job()).isEqualTo("payments");
        assertThat(idle.points()).isEmpty();
        assertThat(idle.partitions()).isEmpty();
        assertThat(idle.markers()).extracting(m -> m.entry().type()).containsExactly("JOB_ADDED");
    }
}
