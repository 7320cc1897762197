package io.kafmirror.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.kafmirror.engine.mirror.MirrorEvent;
import io.kafmirror.engine.mirror.MirrorListener;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobHistoryTest extends StateDatabaseFixture {

    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    JobHistoryTest() {
        super("cli", T0, MetricsSeries.DEFAULT_RETENTION);
    }

    @Test
    void anEngineEventIsRecordedAsTheEngineNoticedIt() {
        clock.advance(Duration.ofHours(1));
        MirrorListener listener = db.history().listener("orders");

        listener.event(new MirrorEvent(MirrorEvent.Type.GAP, T0.plusSeconds(5), "orders.eu", 3,
                "offsets 100 to 149 were deleted by retention before they were stored"));
        listener.event(new MirrorEvent(MirrorEvent.Type.STORE_ERROR, T0.plusSeconds(9), null, -1, "the store refused a write"));

        assertThat(db.history().query(HistoryFilter.of("orders"))).usingRecursiveFieldByFieldElementComparatorIgnoringFields("id")
                .containsExactly(
                        new HistoryEntry(0, "orders", T0.plusSeconds(9), "STORE_ERROR", null, -1, "cli", "the store refused a write", null),
                        new HistoryEntry(0, "orders", T0.plusSeconds(5), "GAP", "orders.eu", 3, "cli",
                                "offsets 100 to 149 were deleted by retention before they were stored", null));
    }

    @Test
    void anAnomalyIsAlsoInTheAuditTrailWithItsFactsAndARoutineEventIsNot() {
        MirrorListener listener = db.history().listener("orders");
        listener.event(new MirrorEvent(MirrorEvent.Type.GAP, T0.plusSeconds(5), "orders.eu", 3, "offsets 100 to 149 were deleted"));
        listener.event(new MirrorEvent(MirrorEvent.Type.TOPIC_ADDED, T0.plusSeconds(7), "orders.us", -1, "orders.us matches the job and is mirrored"));

        List<AuditEntry> trail = db.audit().list(AuditFilter.all());
        assertThat(trail).extracting(AuditEntry::action, AuditEntry::target, AuditEntry::outcome)
                .containsExactly(tuple("alert.raise", "orders", AuditOutcome.OK));
        assertThat(trail.get(0).parameters()).contains("\"type\":\"GAP\"", "\"severity\":\"CRITICAL\"",
                "\"topic\":\"orders.eu\"", "\"partition\":3", "\"at\":\"2026-03-01T08:00:05Z\"", "offsets 100 to 149 were deleted");
        assertThat(db.audit().verify(List.of()).findings()).as("the chain stays whole").isEmpty();
    }

    @Test
    void anEventThatCannotBeWrittenDoesNotStopTheBackup() {
        MirrorListener listener = db.history().listener("orders");
        db.close();

        assertThatCode(() -> listener.event(new MirrorEvent(MirrorEvent.Type.GAP, T0, "orders", 0, "a gap")))
                .doesNotThrowAnyException();
    }

    @Test
    void historyIsOnlyWrittenForValidJobNames() {
        assertThatThrownBy(() -> db.history().listener("orders eu")).hasMessageContaining("'orders eu' is not a valid job name");
        assertThatThrownBy(() -> db.history().append("", Lifecycle.RUN_STARTED, "started"))
                .hasMessageContaining("'' is not a valid job name");
    }

    @Test
    void everyEntryOfEveryJobComesNewestFirst() {
        appendTwoJobs();

        assertThat(entries(HistoryFilter.all())).containsExactly("orders STORE_ERROR", "orders RUN_STARTED", "payments GAP",
                "orders GAP", "payments JOB_ADDED", "orders JOB_ADDED");
    }

    @Test
    void theFilterNarrowsByJobTypeAndTime() {
        appendTwoJobs();

        assertThat(entries(HistoryFilter.of("orders")))
                .containsExactly("orders STORE_ERROR", "orders RUN_STARTED", "orders GAP", "orders JOB_ADDED");
        assertThat(entries(HistoryFilter.all().types(MirrorEvent.Type.GAP))).containsExactly("payments GAP", "orders GAP");
        assertThat(entries(HistoryFilter.of("orders").types(MirrorEvent.Type.GAP, Lifecycle.RUN_STARTED)))
                .containsExactly("orders RUN_STARTED", "orders GAP");
        assertThat(entries(HistoryFilter.all().between(minutes(10), minutes(20))))
                .containsExactly("orders RUN_STARTED", "payments GAP", "orders GAP");
        assertThat(entries(HistoryFilter.all().limit(2))).containsExactly("orders STORE_ERROR", "orders RUN_STARTED");
    }

    @Test
    void entriesOfTheSameInstantComeNewestWrittenFirst() {
        db.history().append("orders", Lifecycle.RUN_STARTED, "started");
        db.history().append("orders", Lifecycle.RUN_STOPPED, "stopped");

        assertThat(entries(HistoryFilter.of("orders"))).containsExactly("orders RUN_STOPPED", "orders RUN_STARTED");
    }

    @Test
    void aFilterWithItsRangeReversedOrNoRoomIsRefused() {
        assertThatThrownBy(() -> HistoryFilter.all().between(minutes(20), minutes(10)))
                .hasMessageContaining("after its end").hasMessageContaining("swap them");
        assertThatThrownBy(() -> HistoryFilter.all().limit(0)).hasMessageContaining("A history limit must be positive, not 0");
    }

    /** Orders at 0, 10, 20 and 30 minutes, payments at 5 and 15, lifecycle changes and engine events mixed. */
    private void appendTwoJobs() {
        db.history().append("orders", Lifecycle.JOB_ADDED, "added");
        db.history().append("payments", new MirrorEvent(MirrorEvent.Type.GAP, minutes(15), "payments", 0, "a gap"));
        db.history().append("orders", new MirrorEvent(MirrorEvent.Type.GAP, minutes(10), "orders", 0, "a gap"));
        db.history().append("orders", new MirrorEvent(MirrorEvent.Type.STORE_ERROR, minutes(30), null, -1, "the store failed"));
        clock.advance(Duration.ofMinutes(5));
        db.history().append("payments", Lifecycle.JOB_ADDED, "added");
        clock.advance(Duration.ofMinutes(15));
        db.history().append("orders", Lifecycle.RUN_STARTED, "started");
    }

    private List<String> entries(HistoryFilter filter) {
        return db.history().query(filter).stream().map(e -> e.job() + " " + e.type()).toList();
    }

    private static Instant minutes(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }
}
