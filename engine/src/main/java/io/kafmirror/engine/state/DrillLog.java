package io.kafmirror.engine.state;

import io.kafmirror.engine.config.DrillMode;
import io.kafmirror.engine.state.DrillRecord.DrillState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every restore drill run here, scheduled or by hand, and how it ended: what {@code kaf-mirror drills list}, the
 * scheduler (the last run of each schedule) and the evidence pack ({@link #between}) read. A drill marked running whose
 * program has noted nothing for {@link Heartbeat#SILENCE} reads as {@code STOPPED}: it was killed or crashed.
 */
public final class DrillLog {

    // A row written before schema version 8 has no heartbeat: its last sign of life is its start.
    private static final String COLUMNS = "id, job, schedule, mode, source_cluster, store, target_cluster, topics,"
            + " restore_point, started_at, finished_at, state, records, bytes, finding, leftover, actor,"
            + " COALESCE(updated_at, started_at)";
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final StateConnection db;
    private final AuditLog audit;
    private final String actor;
    private final Clock clock;

    DrillLog(StateConnection db, AuditLog audit, String actor, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.actor = actor;
        this.clock = clock;
    }

    /**
     * Records a drill of {@code topics} of {@code job} starting now, running; returns it with its number.
     *
     * @param schedule      the schedule running it, or null by hand
     * @param targetCluster the scratch topics' cluster, null for a verify drill
     */
    public DrillRecord begin(String job, String schedule, DrillMode mode, String sourceCluster, String store,
                             String targetCluster, List<String> topics, Instant restorePoint) {
        JobStore.checkName(job);
        long now = clock.millis();
        long id = db.insert("INSERT INTO drill_run (job, schedule, mode, source_cluster, store, target_cluster, topics,"
                        + " restore_point, started_at, updated_at, state, records, bytes, actor)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?)",
                job, schedule, mode.name(), sourceCluster, store, targetCluster, String.join(",", topics),
                restorePoint.toEpochMilli(), now, now, DrillState.RUNNING.name(), actor);
        return get(id);
    }

    /**
     * Records how drill {@code id} ended, now, and appends it to the audit log in the same transaction ({@code drill.run}:
     * ok when it passed, failed with the finding as reason when not); returns it.
     */
    public DrillRecord finish(long id, boolean passed, long records, long bytes, String finding, String leftover) {
        return db.computeInTransaction(() -> {
            get(id);
            long now = clock.millis();
            db.update("UPDATE drill_run SET finished_at = ?, updated_at = ?, state = ?, records = ?, bytes = ?, finding = ?,"
                            + " leftover = ? WHERE id = ?", now, now, (passed ? DrillState.PASSED : DrillState.FAILED).name(), records,
                    bytes, finding, leftover, id);
            DrillRecord done = get(id);
            audit.append(AuditAction.DRILL_RUN, "drill #" + id, auditParameters(done), passed ? AuditOutcome.OK
                    : AuditOutcome.FAILED, passed ? null : finding);
            return done;
        });
    }

    /**
     * Notes that drill {@code id} still runs: its heartbeat (see {@link Heartbeat}), which keeps it from reading as
     * {@code STOPPED}. Not audited: its end is. A drill no longer running is left alone.
     */
    public void stillRunning(long id) {
        db.update("UPDATE drill_run SET updated_at = ? WHERE id = ? AND state = ?", clock.millis(), id,
                DrillState.RUNNING.name());
    }

    private static Map<String, Object> auditParameters(DrillRecord d) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("job", d.job());
        parameters.put("schedule", d.schedule() == null ? "by hand" : d.schedule());
        parameters.put("mode", d.mode().name().toLowerCase(Locale.ROOT));
        parameters.put("topics", String.join(",", d.topics()));
        parameters.put("store", d.store());
        if (d.targetCluster() != null) {
            parameters.put("target_cluster", d.targetCluster());
        }
        parameters.put("restore_point", d.restorePoint().toString());
        parameters.put("result", d.state().name().toLowerCase(Locale.ROOT));
        parameters.put("records", d.records());
        parameters.put("bytes", d.bytes());
        if (d.leftover() != null) {
            parameters.put("leftover", d.leftover());
        }
        return parameters;
    }

    /** Drill {@code id}; an error says how to see the others. */
    public DrillRecord get(long id) {
        return db.query("SELECT " + COLUMNS + " FROM drill_run WHERE id = ?", this::drill, id).stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("There is no drill #" + id
                        + ": 'kaf-mirror drills list' lists the drills there are"));
    }

    /**
     * The drills started from {@code from} to {@code to}, both included (as an evidence pack's period), of {@code job} or
     * of every job (null), oldest first: the drills of a reporting period, for the evidence pack.
     */
    public List<DrillRecord> between(Instant from, Instant to, String job) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("The period starts at " + from + ", after its end " + to + ": give a start"
                    + " before the end");
        }
        List<Object> args = new ArrayList<>(Arrays.asList(from.toEpochMilli(), to.toEpochMilli()));
        String sql = "SELECT " + COLUMNS + " FROM drill_run WHERE started_at >= ? AND started_at <= ?";
        if (job != null) {
            sql += " AND job = ?";
            args.add(job);
        }
        return db.query(sql + " ORDER BY started_at, id", this::drill, args.toArray());
    }

    /**
     * When the newest drill of {@code job} run by {@code schedule} that ended (passed or failed) started, if one ever
     * did. A drill that never ended does not count (running, or stopped: its program was killed), so its slot was missed.
     */
    public Optional<Instant> lastEnded(String job, String schedule) {
        return db.query("SELECT MAX(started_at) FROM drill_run WHERE job = ? AND schedule = ? AND state <> ?", rs -> {
            long at = rs.getLong(1);
            return rs.wasNull() ? null : Instant.ofEpochMilli(at);
        }, job, schedule, DrillState.RUNNING.name()).stream().filter(at -> at != null).findFirst();
    }

    /** The drill of the row; one marked running whose program went silent reads as stopped, saying since when. */
    private DrillRecord drill(ResultSet rs) throws SQLException {
        long finished = rs.getLong(11);
        Instant finishedAt = rs.wasNull() ? null : Instant.ofEpochMilli(finished);
        Instant lastSign = Instant.ofEpochMilli(rs.getLong(18));
        DrillState state = DrillState.valueOf(rs.getString(12));
        String finding = rs.getString(15);
        if (state == DrillState.RUNNING && Heartbeat.silent(lastSign, clock.instant())) {
            state = DrillState.STOPPED;
            finding = "stopped: no sign of life since " + TIME_OF_DAY.format(lastSign) + " UTC — the program running it"
                    + " was killed or crashed";
        }
        return new DrillRecord(rs.getLong(1), rs.getString(2), rs.getString(3), DrillMode.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getString(7), List.of(rs.getString(8).split(",")),
                Instant.ofEpochMilli(rs.getLong(9)), Instant.ofEpochMilli(rs.getLong(10)), finishedAt, lastSign, state,
                rs.getLong(13), rs.getLong(14), finding, rs.getString(16), rs.getString(17));
    }
}
