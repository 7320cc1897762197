package io.kafmirror.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.kafmirror.engine.access.Principal;
import io.kafmirror.engine.config.DrillMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drills in a real H2 file: recorded when they start and end, listed by period and job, the last of a schedule; one
 * whose program went silent (or, from before the upgrade, never noted a heartbeat) reads as stopped.
 */
class DrillLogTest {

    private static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");

    @TempDir
    Path dir;

    @Test
    void drillsAreListedByPeriodAndJobAndTheLastRunOfAScheduleIsKnown() {
        ManualClock clock = new ManualClock(T0);
        try (StateDatabase state = StateDatabase.open(dir, "run", clock, MetricsSeries.DEFAULT_RETENTION)) {
            DrillLog drills = state.drills();
            DrillRecord first = drills.begin("orders", "daily at 02:00 UTC, restore of orders", DrillMode.RESTORE, "prod",
                    "vault", "dr", List.of("orders", "payments"), T0);
            assertThat(first.state()).isEqualTo(DrillRecord.DrillState.RUNNING);
            clock.advance(Duration.ofSeconds(5));
            DrillRecord passed = drills.finish(first.id(), true, 600, 4096, null, null);
            clock.advance(Duration.ofDays(1));
            DrillRecord second = drills.begin("billing", null, DrillMode.VERIFY, "prod", "vault", null, List.of("invoices"),
                    clock.instant());
            drills.finish(second.id(), false, 0, 0, "Topic invoices: segment 'x' is corrupt", null);

            assertThat(passed.passed()).isTrue();
            assertThat(passed.duration()).isEqualTo(Duration.ofSeconds(5));
            assertThat(passed.topics()).containsExactly("orders", "payments");
            assertThat(passed.actor()).isEqualTo("run");
            assertThat(drills.between(T0, T0.plus(Duration.ofDays(2)), null)).extracting(DrillRecord::id)
                    .containsExactly(first.id(), second.id());
            assertThat(drills.between(T0.plusMillis(1), T0.plus(Duration.ofDays(2)), null)).extracting(DrillRecord::id)
                    .containsExactly(second.id());
            assertThat(drills.between(T0, T0.plus(Duration.ofDays(2)), "orders")).extracting(DrillRecord::id)
                    .containsExactly(first.id());
            assertThat(drills.get(second.id()).finding()).contains("corrupt");
            assertThat(drills.lastEnded("orders", "daily at 02:00 UTC, restore of orders")).contains(T0);
            assertThat(drills.lastEnded("orders", "weekly")).isEmpty();
            drills.begin("orders", "weekly", DrillMode.VERIFY, "prod", "vault", null, List.of("orders"), clock.instant());
            assertThat(drills.lastEnded("orders", "weekly")).as("a drill killed while running missed its slot").isEmpty();
            assertThat(drills.between(T0, T0, null)).as("both ends included").extracting(DrillRecord::id)
                    .containsExactly(first.id());
            assertThat(drills.between(T0.minusMillis(1), T0.minusMillis(1), null)).isEmpty();
            assertThatThrownBy(() -> drills.between(T0, T0.minusMillis(1), null)).hasMessageContaining("after its end");
            assertThatThrownBy(() -> drills.get(99)).hasMessageContaining("kaf-mirror drills list");
        }
    }

    @Test
    void eachEndedDrillIsInTheAuditLogWithItsResultAFailedOneWithItsFinding() {
        ManualClock clock = new ManualClock(T0);
        try (StateDatabase state = StateDatabase.open(dir, "run", clock, MetricsSeries.DEFAULT_RETENTION)) {
            DrillLog drills = state.drills();
            DrillRecord restore = drills.begin("orders", "daily at 02:00 UTC, restore of orders", DrillMode.RESTORE, "prod",
                    "vault", "dr", List.of("orders", "payments"), T0);
            DrillRecord verify = drills.begin("billing", null, DrillMode.VERIFY, "prod", "vault", null, List.of("invoices"), T0);
            assertThat(state.audit().list(AuditFilter.all().ofAction("drill.run"))).as("a running drill is not audited yet").isEmpty();

            drills.finish(restore.id(), true, 600, 4096, null, null);
            drills.finish(verify.id(), false, 0, 0, "Topic invoices: segment 'x' is corrupt", null);

            assertThat(state.audit().list(AuditFilter.all().ofAction("drill.run")))
                    .extracting(AuditEntry::actor, AuditEntry::target, AuditEntry::outcome, AuditEntry::reason, AuditEntry::parameters)
                    .containsExactly(
                            tuple(Principal.unclaimed().name(), "drill #" + restore.id(), AuditOutcome.OK, null, "{\"bytes\":4096,\"job\":\"orders\","
                                    + "\"mode\":\"restore\",\"records\":600,\"restore_point\":\"2026-12-01T02:00:00Z\","
                                    + "\"result\":\"passed\",\"schedule\":\"daily at 02:00 UTC, restore of orders\","
                                    + "\"store\":\"vault\",\"target_cluster\":\"dr\",\"topics\":\"orders,payments\"}"),
                            tuple(Principal.unclaimed().name(), "drill #" + verify.id(), AuditOutcome.FAILED, "Topic invoices: segment 'x' is corrupt",
                                    "{\"bytes\":0,\"job\":\"billing\",\"mode\":\"verify\",\"records\":0,"
                                    + "\"restore_point\":\"2026-12-01T02:00:00Z\",\"result\":\"failed\",\"schedule\":\"by hand\","
                                    + "\"store\":\"vault\",\"topics\":\"invoices\"}"));
            assertThat(state.audit().verify(List.of()).intact()).isTrue();
        }
    }

    @Test
    void aDrillMarkedRunningWhoseProgramWentSilentReadsAsStoppedSayingSinceWhen() {
        ManualClock clock = new ManualClock(T0);
        try (StateDatabase state = StateDatabase.open(dir, "run", clock, MetricsSeries.DEFAULT_RETENTION)) {
            DrillLog drills = state.drills();
            DrillRecord drill = drills.begin("orders", "weekly", DrillMode.VERIFY, "prod", "vault", null, List.of("orders"), T0);
            clock.advance(Heartbeat.INTERVAL);
            drills.stillRunning(drill.id());
            clock.advance(Heartbeat.SILENCE);
            assertThat(drills.get(drill.id()).state()).as("silent for exactly the silence: still running")
                    .isEqualTo(DrillRecord.DrillState.RUNNING);

            clock.advance(Duration.ofMillis(1));

            DrillRecord stopped = drills.get(drill.id());
            assertThat(stopped.state()).isEqualTo(DrillRecord.DrillState.STOPPED);
            assertThat(stopped.passed()).isFalse();
            assertThat(stopped.lastSign()).isEqualTo(T0.plus(Heartbeat.INTERVAL));
            assertThat(stopped.finding()).isEqualTo("stopped: no sign of life since 02:00:05 UTC — the program running it"
                    + " was killed or crashed");
            assertThat(drills.between(T0, clock.instant(), null)).extracting(DrillRecord::state)
                    .containsExactly(DrillRecord.DrillState.STOPPED);
            assertThat(drills.lastEnded("orders", "weekly")).as("a stopped drill missed its slot").isEmpty();

            DrillRecord failed = drills.finish(drill.id(), false, 0, 0, "Topic orders: segment 'x' is corrupt", null);
            assertThat(failed.state()).as("a drill that ends after all says how").isEqualTo(DrillRecord.DrillState.FAILED);
            assertThat(failed.finding()).isEqualTo("Topic orders: segment 'x' is corrupt");
            clock.advance(Heartbeat.INTERVAL);
            drills.stillRunning(drill.id());
            assertThat(drills.get(drill.id()).lastSign()).as("an ended drill is left alone").isEqualTo(failed.finishedAt());
        }
    }

    @Test
    void aDrillRunningBeforeTheUpgradeHasNoHeartbeatAndIsJudgedByItsStart() throws Exception {
        ManualClock clock = new ManualClock(T0);
        long id;
        try (StateDatabase state = StateDatabase.open(dir, "run", clock, MetricsSeries.DEFAULT_RETENTION)) {
            id = state.drills().begin("orders", null, DrillMode.VERIFY, "prod", "vault", null, List.of("orders"), T0).id();
        }
        // As a kaf-mirror of schema version 7 left it: no updated_at.
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve("state")
                + ";AUTO_SERVER=TRUE", "kaf-mirror", "");
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE drill_run SET updated_at = NULL");
        }
        clock.advance(Heartbeat.SILENCE);
        try (StateDatabase state = StateDatabase.open(dir, "run", clock, MetricsSeries.DEFAULT_RETENTION)) {
            assertThat(state.drills().get(id).state()).isEqualTo(DrillRecord.DrillState.RUNNING);
            assertThat(state.drills().get(id).lastSign()).isEqualTo(T0);
            clock.advance(Duration.ofDays(21));

            assertThat(state.drills().get(id).state()).isEqualTo(DrillRecord.DrillState.STOPPED);
            assertThat(state.drills().get(id).finding()).startsWith("stopped: no sign of life since 02:00:00 UTC");
        }
    }
}
