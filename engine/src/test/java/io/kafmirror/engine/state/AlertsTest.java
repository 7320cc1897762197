package io.kafmirror.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.kafmirror.engine.mirror.MirrorEvent;
import io.kafmirror.engine.mirror.MirrorEvent.Type;
import io.kafmirror.engine.mirror.Severity;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AlertsTest extends StateDatabaseFixture {

    static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");
    static final String ME = System.getProperty("user.name");

    AlertsTest() {
        super("cli", T0, MetricsSeries.DEFAULT_RETENTION);
    }

    @BeforeEach
    void addJob() {
        db.jobs().add("orders", StateDatabaseTest.ORDERS);
    }

    @Test
    void anomaliesAreAlertsNewestFirstAndRoutineEventsAndChangesAreNot() {
        event(Type.TOPIC_ADDED, 1, "payments");
        long drift = event(Type.FORMAT_DRIFT, 2, "payments");
        long reset = event(Type.GROUP_OFFSETS_RESET, 3, "payments");
        event(Type.FORMAT_DRIFT_ENDED, 4, "payments");

        assertThat(db.alerts().list(AlertFilter.all()))
                .extracting(Alert::id, Alert::type, Alert::severity, Alert::state)
                .containsExactly(tuple(reset, Type.GROUP_OFFSETS_RESET, Severity.WARNING, AlertState.OPEN),
                        tuple(drift, Type.FORMAT_DRIFT, Severity.CRITICAL, AlertState.OPEN));
        assertThat(db.alerts().get(drift).restorePoint()).isEqualTo(T0.plusSeconds(2).minusMillis(1));
    }

    @Test
    void anAcknowledgedAlertSaysWhoWhenAndWhyAndIsNoLongerOpen() {
        long drift = event(Type.FORMAT_DRIFT, 1, "payments");
        clock.advance(Duration.ofMinutes(5));

        db.alerts().acknowledge(drift, "  bad deploy 4711, rolled back ");
        reopen();

        Alert alert = db.alerts().get(drift);
        assertThat(alert.state()).isEqualTo(AlertState.ACKNOWLEDGED);
        assertThat(alert.acknowledgement()).isEqualTo(new Acknowledgement(ME, "cli", T0.plusSeconds(300), "bad deploy 4711, rolled back"));
        assertThat(db.alerts().count(AlertFilter.open())).isZero();
        assertThat(db.alerts().list(AlertFilter.all().states(AlertState.ACKNOWLEDGED))).extracting(Alert::id).containsExactly(drift);
        assertThatThrownBy(() -> db.alerts().acknowledge(drift, null))
                .hasMessageContaining("already acknowledged by " + ME).hasMessageContaining("bad deploy 4711");
    }

    @Test
    void aMuteCoversAlertsRaisedBeforeItEndsAndNotAfter() {
        long before = event(Type.FORMAT_DRIFT, 1, "payments");
        long otherTopic = event(Type.FORMAT_DRIFT, 2, "refunds");
        long otherType = event(Type.GAP, 3, "payments");

        Mute mute = db.alerts().mute("orders", Type.FORMAT_DRIFT, "payments", Duration.ofHours(1));
        long during = event(Type.FORMAT_DRIFT, 1800, "payments");
        long after = event(Type.FORMAT_DRIFT, 3601, "payments");

        assertThat(mute.until()).isEqualTo(T0.plusSeconds(3600));
        assertThat(mute.by()).isEqualTo(ME);
        assertThat(db.alerts().list(AlertFilter.all().states(AlertState.MUTED))).extracting(Alert::id).containsExactly(during, before);
        assertThat(db.alerts().list(AlertFilter.open())).extracting(Alert::id).containsExactly(after, otherType, otherTopic);
        assertThat(db.alerts().get(during).mute()).isEqualTo(mute);
        assertThat(mute.covers("orders", Type.FORMAT_DRIFT, "payments")).as("as the alert hooks ask").isTrue();
        assertThat(mute.covers("orders", Type.FORMAT_DRIFT, "refunds")).isFalse();
        assertThat(mute.covers("orders", Type.GAP, "payments")).isFalse();
        assertThat(mute.covers("billing", Type.FORMAT_DRIFT, "payments")).isFalse();
    }

    @Test
    void aMuteOfAnyTopicCoversEveryTopicAndTheWholeJobUntilUnmuted() {
        Mute any = db.alerts().mute("orders", Type.STORE_ERROR, null, null);
        assertThat(any.covers("orders", Type.STORE_ERROR, null)).isTrue();
        assertThat(any.covers("orders", Type.STORE_ERROR, "payments")).isTrue();
        long noTopic = event(Type.STORE_ERROR, 10, null);
        long topic = event(Type.STORE_ERROR, 20, "payments");
        clock.advance(Duration.ofDays(400));
        assertThat(db.alerts().list(AlertFilter.all())).extracting(Alert::state).containsOnly(AlertState.MUTED);

        assertThat(db.alerts().unmute("orders", Type.STORE_ERROR, null)).hasSize(1);
        long later = event(Type.STORE_ERROR, Duration.ofDays(401).toSeconds(), null);

        assertThat(db.alerts().list(AlertFilter.open())).extracting(Alert::id).containsExactly(later);
        assertThat(db.alerts().list(AlertFilter.all().states(AlertState.MUTED))).extracting(Alert::id).containsExactly(topic, noTopic);
        assertThat(db.alerts().inForce()).isEmpty();
    }

    @Test
    void whatPeopleDoAboutAlertsIsInTheJobsHistory() {
        long drift = event(Type.FORMAT_DRIFT, 1, "payments");
        db.alerts().acknowledge(drift, "rolled back");
        db.alerts().mute("orders", Type.GAP, null, Duration.ofHours(1));
        db.alerts().unmute("orders", Type.GAP, null);

        assertThat(db.history().query(HistoryFilter.of("orders").types(Lifecycle.ALERT_ACKNOWLEDGED, Lifecycle.ALERTS_MUTED,
                Lifecycle.ALERTS_UNMUTED))).extracting(HistoryEntry::type, HistoryEntry::message).containsExactlyInAnyOrder(
                tuple("ALERT_ACKNOWLEDGED", "alert " + drift + " (FORMAT_DRIFT on payments) acknowledged by " + ME + ": rolled back"),
                tuple("ALERTS_MUTED", "GAP alerts of job orders on any topic muted by " + ME + " until 2026-12-03T10:00:00Z"),
                tuple("ALERTS_UNMUTED", "GAP alerts of job orders on any topic unmuted by " + ME));
    }

    @Test
    void filtersByJobSeverityAndTimeAndCountsBeyondTheLimit() {
        db.jobs().add("billing", StateDatabaseTest.ORDERS);
        event(Type.GAP, 1, "payments");
        event(Type.TOPIC_RECREATED, 2, "payments");
        db.history().append("billing", new MirrorEvent(Type.GAP, T0.plusSeconds(3), "invoices", 0, "a gap"));

        assertThat(db.alerts().list(AlertFilter.all().forJob("orders").severities(Severity.CRITICAL)))
                .extracting(Alert::job, Alert::type).containsExactly(tuple("orders", Type.GAP));
        assertThat(db.alerts().list(AlertFilter.all().between(T0.plusSeconds(2), T0.plusSeconds(3))))
                .extracting(Alert::type).containsExactly(Type.GAP, Type.TOPIC_RECREATED);
        assertThat(db.alerts().count(AlertFilter.open().severities(Severity.CRITICAL).limit(1))).isEqualTo(2);
    }

    @Test
    void mistakesAreRefusedWithWhatToDo() {
        long added = event(Type.TOPIC_ADDED, 1, "payments");

        assertThatThrownBy(() -> db.alerts().acknowledge(999, null)).isInstanceOf(UnknownAlertException.class)
                .hasMessageContaining("no alert 999").hasMessageContaining("alerts list --all");
        assertThatThrownBy(() -> db.alerts().get(added)).hasMessageContaining("TOPIC_ADDED, a routine event");
        assertThatThrownBy(() -> db.alerts().mute("nope", Type.GAP, null, null)).isInstanceOf(UnknownJobException.class)
                .hasMessageContaining("orders");
        assertThatThrownBy(() -> db.alerts().mute("orders", Type.TOPIC_ADDED, null, null))
                .hasMessageContaining("routine event").hasMessageContaining("FORMAT_DRIFT");
        assertThatThrownBy(() -> db.alerts().mute("orders", Type.GAP, null, Duration.ZERO)).hasMessageContaining("positive");
        db.alerts().mute("orders", Type.GAP, null, null);
        assertThatThrownBy(() -> db.alerts().unmute("orders", Type.GAP, "payments"))
                .hasMessageContaining("No mute of GAP alerts of job orders on topic payments is in force")
                .hasMessageContaining("In force: GAP alerts of job orders on any topic");
    }

    private long event(Type type, long secondsAfterT0, String topic) {
        db.history().append("orders", new MirrorEvent(type, T0.plusSeconds(secondsAfterT0), topic, topic == null ? -1 : 0,
                type + " on " + topic));
        return db.history().query(HistoryFilter.of("orders").limit(1)).get(0).id();
    }
}
