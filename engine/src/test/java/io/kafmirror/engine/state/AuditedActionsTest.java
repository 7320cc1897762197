package io.kafmirror.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.kafmirror.engine.mirror.MirrorEvent;
import io.kafmirror.engine.mirror.MirrorEvent.Type;
import io.kafmirror.engine.state.RestoreRecord.RestoreState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What people do about alerts and restores reaches the audit log through the engine's stores, whoever calls them. */
class AuditedActionsTest extends StateDatabaseFixture {

    private static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");
    private static final String ME = System.getProperty("user.name");

    AuditedActionsTest() {
        super("console", T0, MetricsSeries.DEFAULT_RETENTION);
    }

    @BeforeEach
    void addJob() {
        db.jobs().add("orders", StateDatabaseTest.ORDERS);
    }

    @Test
    void alertAcknowledgementsAndMutesAreAuditedRefusalsToo() {
        db.history().append("orders", new MirrorEvent(Type.FORMAT_DRIFT, T0, "payments", 0, "drift"));
        long id = db.history().query(HistoryFilter.of("orders").limit(1)).get(0).id();

        db.alerts().acknowledge(id, "bad deploy");
        assertThatThrownBy(() -> db.alerts().acknowledge(id, null)).hasMessageContaining("already acknowledged");
        db.alerts().mute("orders", Type.FORMAT_DRIFT, "payments", Duration.ofHours(1));
        db.alerts().unmute("orders", Type.FORMAT_DRIFT, "payments");

        List<AuditEntry> entries = db.audit().list(AuditFilter.all().ofAction("alert.acknowledge"));
        assertThat(entries).extracting(AuditEntry::actor, AuditEntry::target, AuditEntry::outcome)
                .containsExactly(tuple(ME, "alert " + id, AuditOutcome.OK), tuple(ME, "alert " + id, AuditOutcome.REFUSED));
        assertThat(entries.get(0).parameters()).isEqualTo("{\"comment\":\"bad deploy\",\"user\":\"" + ME + "\"}");
        assertThat(entries.get(1).reason()).contains("already acknowledged by " + ME);
        assertThat(db.audit().list(AuditFilter.all()).stream().filter(e -> e.action().matches("alert\\.(un)?mute")))
                .extracting(AuditEntry::action, AuditEntry::target, AuditEntry::parameters)
                .containsExactly(
                        tuple("alert.mute", "orders", "{\"duration\":\"PT1H\",\"topic\":\"payments\",\"type\":\"FORMAT_DRIFT\",\"user\":\"" + ME + "\"}"),
                        tuple("alert.unmute", "orders", "{\"topic\":\"payments\",\"type\":\"FORMAT_DRIFT\",\"user\":\"" + ME + "\"}"));
    }

    @Test
    void aRestoreIsAuditedAsItStartsEndsAndIsVerified() {
        RestoreSpec spec = new RestoreSpec("prod", "vault", "orders", UUID.fromString("6b1a3c9e-0000-4000-8000-000000000001"),
                "2026-11-25T08:13:00Z", null, false, "dr", "orders.restored", Map.of(0, 1_000L), Map.of(0, 0L), 1_000);
        long id = db.restores().begin(spec).id();
        db.restores().update(id, 400, RestoreState.RUNNING, null);
        db.restores().update(id, 1_000, RestoreState.COMPLETED, null);
        db.restores().verified(id, new RestoreRecord.Verification(false, 1_000, 998, Duration.ofMillis(50),
                "partition 0 ends at target offset 998"));

        List<AuditEntry> entries = db.audit().list(AuditFilter.all()).stream().skip(1).toList();
        assertThat(entries).extracting(AuditEntry::action, AuditEntry::target, AuditEntry::outcome, AuditEntry::reason)
                .containsExactly(tuple("restore.start", "restore #" + id, AuditOutcome.OK, null),
                        tuple("restore.finish", "restore #" + id, AuditOutcome.OK, null),
                        tuple("restore.verify", "restore #" + id, AuditOutcome.FAILED, "partition 0 ends at target offset 998"));
        assertThat(entries.get(0).parameters()).contains("\"target_topic\":\"orders.restored\"", "\"planned_records\":1000",
                "\"restore_point\":\"2026-11-25T08:13:00Z\"");
        assertThat(entries.get(1).parameters()).isEqualTo("{\"restored_records\":1000,\"state\":\"completed\"}");
    }
}
