package io.kafmirror.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's state fed with real readings of an H2 file: what it shows, what it ignores, what it says when empty. */
class DashboardViewModelTest {

    @TempDir
    Path data;

    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    final List<Throwable> errors = new ArrayList<>();
    final DashboardViewModel model = new DashboardViewModel(errors::add);
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
    void showsTheFirstJobWithItsMarkersAndPartitions() {
        model.show(state.read(null, null, DashboardRange.LAST_HOUR, now));

        assertThat(model.jobs()).containsExactly("orders", "payments");
        assertThat(model.jobProperty().get()).isEqualTo("orders");
        assertThat(model.readingProperty().get().points()).hasSize(SampledJob.SAMPLES);
        assertThat(model.markers()).extracting(m -> m.entry().type()).containsExactly("GAP", "RUN_STARTED");
        assertThat(model.partitions()).extracting(PartitionRow::lagRecordsText).containsExactly("100", "120");
        assertThat(model.emptyMessageProperty().get()).isEmpty();
        assertThat(model.eventDetails().get()).startsWith("Click an event");
    }

    @Test
    void aLineAboveTheChartGivesTheLagPercentilesOverTheRangeInRecordsAndSeconds() {
        model.show(state.read(null, null, DashboardRange.LAST_HOUR, now));

        // orders.eu-0 100 records and 1.5 s behind at each of its 120 samples, orders.eu-1 j records and 2 + j/10 s at its
        // j-th, two seconds earlier.
        assertThat(model.lagLineProperty().get()).isEqualTo("Lag over the last hour (240 samples): p50 100 records / 1.5 s"
                + " · p95 108 records / 12.8 s · p99 118 records / 13.8 s · max 120 records / 14.0 s");

        model.rangeProperty().set(DashboardRange.LAST_DAY);
        model.show(state.read("orders", null, DashboardRange.LAST_DAY, now));
        assertThat(model.lagLineProperty().get()).as("the two-hour-old sample of 50,000 records, 99 s")
                .startsWith("Lag over the last day (241 samples):").endsWith("max 50,000 records / 99.0 s");

        model.jobProperty().set("payments");
        model.show(state.read("payments", null, DashboardRange.LAST_DAY, now));
        assertThat(model.lagLineProperty().get()).isEqualTo("Lag over the last day: no samples.");
    }

    @Test
    void thePickedEventStaysPickedAcrossReadingsAndShowsItsWholeMessage() {
        model.show(state.read(null, null, DashboardRange.LAST_HOUR, now));
        model.selectedEventProperty().set(model.markers().get(0));
        model.show(state.read("orders", null, DashboardRange.LAST_HOUR, now.plusSeconds(3)));

        assertThat(model.selectedEventProperty().get()).isSameAs(model.markers().get(0));
        assertThat(model.eventDetails().get()).contains("GAP · orders.eu-1", SampledJob.GAP_MESSAGE);
    }

    @Test
    void aReadingOvertakenByANewPickIsIgnored() {
        model.show(state.read(null, null, DashboardRange.LAST_HOUR, now));
        DashboardReading before = model.readingProperty().get();
        model.jobProperty().set("payments");
        model.show(state.read("orders", null, DashboardRange.LAST_HOUR, now));
        assertThat(model.readingProperty().get()).isSameAs(before);

        model.rangeProperty().set(DashboardRange.LAST_DAY);
        model.show(state.read("payments", null, DashboardRange.LAST_HOUR, now));
        assertThat(model.readingProperty().get()).isSameAs(before);
        model.show(state.read("payments", null, DashboardRange.LAST_DAY, now));
        assertThat(model.readingProperty().get().job()).isEqualTo("payments");
    }

    @Test
    void anEmptyChartSaysWhy() {
        model.show(state.read("payments", null, DashboardRange.LAST_HOUR, now));
        assertThat(model.emptyMessageProperty().get())
                .isEqualTo("No samples of payments yet: is kaf-mirror run or the demo running?");

        model.jobProperty().set("orders");
        model.show(state.read("orders", null, DashboardRange.LAST_HOUR, now.plusSeconds(7200)));
        assertThat(model.emptyMessageProperty().get())
                .isEqualTo("No samples of orders in the last hour: is kaf-mirror run or the demo running?");
        assertThat(model.partitions()).as("the newest samples, however old").hasSize(2);

        DashboardViewModel noJobs = new DashboardViewModel(errors::add);
        try (DashboardState empty = new DashboardState(data.resolve("empty"))) {
            noJobs.show(empty.read(null, null, DashboardRange.LAST_HOUR, now));
        }
        assertThat(noJobs.emptyMessageProperty().get()).startsWith("No jobs yet: add one on the Jobs screen");
    }

    @Test
    void aFailureToReadIsReportedOnceAndClearedByTheNextReading() {
        IllegalStateException locked = new IllegalStateException("The state database is locked by another program: close it");
        model.unavailable(locked);
        model.unavailable(new IllegalStateException(locked.getMessage()));
        assertThat(errors).containsExactly(locked);
        assertThat(model.problemProperty().get()).isEqualTo(locked.getMessage());

        model.show(state.read(null, null, DashboardRange.LAST_HOUR, now));
        assertThat(model.problemProperty().get()).isEmpty();
    }

    @Test
    void theTopicChoiceListsTheJobsTopicsAndAReadingOfAnotherTopicThanPickedIsDropped() {
        model.show(state.read("orders", null, DashboardRange.LAST_HOUR, now));
        assertThat(model.topics()).containsExactly(DashboardViewModel.ALL_TOPICS, "orders.eu");
        assertThat(model.topicToRead()).isNull();

        model.topicProperty().set("orders.eu");
        assertThat(model.topicToRead()).isEqualTo("orders.eu");
        DashboardReading stale = state.read("orders", null, DashboardRange.LAST_HOUR, now.plusSeconds(1));
        model.show(stale);
        assertThat(model.readingProperty().get()).as("read before the pick").isNotSameAs(stale);
        model.show(state.read("orders", "orders.eu", DashboardRange.LAST_HOUR, now.plusSeconds(2)));
        assertThat(model.readingProperty().get().topic()).isEqualTo("orders.eu");
        assertThat(model.topicProperty().get()).isEqualTo("orders.eu");
    }
}
