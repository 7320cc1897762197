package io.kafmirror.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kafmirror.engine.config.DrillMode;
import io.kafmirror.engine.config.TopicSelection;
import io.kafmirror.engine.mirror.MirrorEvent;
import io.kafmirror.engine.state.RestoreRecord.RestoreState;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upgrade keeps the state database (issue #8): a file written by kaf-mirror at schema version 3 (commit 4dc4b81,
 * before the audit log; how it was made: {@code upgrade/README.md} in the test resources) opened by this kaf-mirror.
 */
class StateUpgradeTest {

    private static final Instant WRITTEN = Instant.parse("2026-11-20T09:00:00Z");
    // The old file's metric samples are from November 2026: a short retention would prune them as the design wants,
    // which is not what this test is about.
    private static final Duration KEEP_METRICS = Duration.ofDays(3650);

    @TempDir
    Path dataDir;

    @BeforeEach
    void copyTheVersionThreeDatabase() throws Exception {
        try (InputStream old = StateUpgradeTest.class.getResourceAsStream("upgrade/state-v3.mv.db")) {
            Files.copy(old, dataDir.resolve("state.mv.db"));
        }
        assertThat(schemaVersions()).containsExactly(1, 2, 3);
    }

    @Test
    void everyRowOfTheOldDatabaseIsThereAndTheSchemaIsCurrent() throws Exception {
        try (StateDatabase db = open()) {
            assertThat(db.jobs().list()).extracting(Job::name, Job::desiredState, Job::created)
                    .containsExactly(tuple("orders-backup", DesiredState.RUNNING, WRITTEN.plusSeconds(1)),
                            tuple("payments-backup", DesiredState.PAUSED, WRITTEN.plusSeconds(3)));
            assertThat(db.jobs().get("payments-backup").config().topics())
                    .isEqualTo(TopicSelection.parse("payments.*", "payments.tmp.*"));

            // Newest first: the mirror events are dated when they happened (09:05-09:07), the rest when they were written.
            assertThat(db.history().query(HistoryFilter.all())).extracting(HistoryEntry::id, HistoryEntry::type)
                    .containsExactly(tuple(9L, "STORE_ERROR"), tuple(8L, "GAP"), tuple(7L, "TOPIC_ADDED"),
                            tuple(11L, "ALERTS_MUTED"), tuple(10L, "ALERT_ACKNOWLEDGED"), tuple(6L, "RUN_STARTED"), tuple(5L, "JOB_REMOVED"),
                            tuple(4L, "JOB_PAUSED"), tuple(3L, "JOB_ADDED"), tuple(2L, "JOB_ADDED"), tuple(1L, "JOB_ADDED"));
            assertThat(db.history().query(HistoryFilter.of("scratch"))).extracting(HistoryEntry::type)
                    .as("a removed job's history stays").containsExactly("JOB_REMOVED", "JOB_ADDED");

            List<PartitionSeries> series = db.metrics().series(SeriesQuery.of("orders-backup", WRITTEN, WRITTEN.plus(Duration.ofHours(1)), 100));
            assertThat(series).extracting(PartitionSeries::partition).containsExactly(0, 1, 2);
            assertThat(series).allSatisfy(partition -> assertThat(partition.points()).hasSize(10));
            assertThat(db.metrics().latest("orders-backup")).extracting(MetricSample::partition, MetricSample::storedOffset,
                    MetricSample::lastError).containsExactlyInAnyOrder(tuple(0, 10_000L, null), tuple(1, 9_991L, null),
                    tuple(2, 9_982L, "fetch timed out"));

            assertThat(db.alerts().list(AlertFilter.all())).extracting(Alert::id, Alert::type, Alert::state)
                    .containsExactly(tuple(9L, MirrorEvent.Type.STORE_ERROR, AlertState.MUTED),
                            tuple(8L, MirrorEvent.Type.GAP, AlertState.ACKNOWLEDGED));
            assertThat(db.alerts().get(8).acknowledgement().comment()).isEqualTo("retention raised to 7 days on orders.eu");
            assertThat(db.alerts().inForce()).extracting(Mute::job, Mute::type, Mute::until)
                    .containsExactly(tuple("orders-backup", MirrorEvent.Type.STORE_ERROR, null));

            List<RestoreRecord> restores = db.restores().list();
            assertThat(restores).extracting(RestoreRecord::id, RestoreRecord::state, RestoreRecord::restoredRecords)
                    .containsExactlyInAnyOrder(tuple(1L, RestoreState.COMPLETED, 3300L), tuple(2L, RestoreState.RUNNING, 0L));
            RestoreRecord completed = db.restores().get(1);
            assertThat(completed.verification().passed()).isTrue();
            assertThat(completed.verification().found()).isEqualTo(3300);
            assertThat(completed.spec().cutEnds()).isEqualTo(Map.of(0, 1000L, 1, 1100L, 2, 1200L));
            assertThat(db.restores().unfinished(db.restores().get(2).spec())).as("the interrupted restore still resumes")
                    .map(RestoreRecord::id).contains(2L);
        }
        assertThat(schemaVersions()).isEqualTo(IntStream.rangeClosed(1, StateSchema.CURRENT).boxed().toList());
        assertThat(count("metric_sample")).isEqualTo(30);
    }

    @Test
    void theUpgradedDatabaseTakesNewActionsIntoAnIntactAuditChain() {
        try (StateDatabase db = open()) {
            assertThat(db.audit().list(AuditFilter.all())).as("the old version kept no audit log").isEmpty();

            db.jobs().setDesiredState("payments-backup", DesiredState.RUNNING);
            db.alerts().unmute("orders-backup", MirrorEvent.Type.STORE_ERROR, null);
            RestoreRecord resumed = db.restores().get(2);
            db.restores().update(resumed.id(), 1300, RestoreState.COMPLETED, "Restored 1,300 records");
            DrillRecord drill = db.drills().begin("orders-backup", null, DrillMode.VERIFY, "prod", "vault", null,
                    List.of("orders.eu"), Instant.now());
            db.drills().finish(drill.id(), true, 3300, 3_300_000, null, null);

            assertThat(db.audit().list(AuditFilter.all())).extracting(AuditEntry::action)
                    .contains("job.resume", "alert.unmute", "restore.finish");
            assertThat(db.audit().verify(List.of()).intact()).isTrue();
            assertThat(db.alerts().inForce()).isEmpty();
            assertThat(db.restores().get(2).state()).isEqualTo(RestoreState.COMPLETED);
            assertThat(db.drills().get(drill.id()).state()).isEqualTo(DrillRecord.DrillState.PASSED);
        }
        try (StateDatabase again = open()) {
            assertThat(again.jobs().get("payments-backup").desiredState()).isEqualTo(DesiredState.RUNNING);
            assertThat(again.audit().verify(List.of()).intact()).isTrue();
        }
    }

    private StateDatabase open() {
        return StateDatabase.open(dataDir, "cli", Clock.system(ZoneOffset.UTC), KEEP_METRICS);
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("state") + ";AUTO_SERVER=TRUE", "kaf-mirror", "");
    }

    private List<Integer> schemaVersions() throws Exception {
        List<Integer> versions = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
        }
        return versions;
    }

    private long count(String table) throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
