package io.kafmirror.engine.state;

import io.kafmirror.engine.state.RestoreRecord.RestoreState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every restore started from the CLI or the console: what it restores, how far it got and how its
 * verification ended. A restore interrupted in any way stays here unfinished, so that asking for the
 * same restore again resumes it instead of writing its records twice.
 */
public final class RestoreLog {

    private static final String COLUMNS = "id, created_at, updated_at, actor, source_cluster, store, topic, topic_id,"
            + " restore_point, window_from, strict_timestamps, target_cluster, target_topic, cut_ends, start_offsets,"
            + " planned_records, restored_records, state, message, verified, verify_expected, verify_found, verify_millis,"
            + " verify_detail";

    private final StateConnection db;
    private final AuditLog audit;
    private final String actor;
    private final Clock clock;

    RestoreLog(StateConnection db, AuditLog audit, String actor, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.actor = actor;
        this.clock = clock;
    }

    /** Records a restore that starts now, running; returns it with its number. */
    public RestoreRecord begin(RestoreSpec spec) {
        // Checked before the transaction, or the refusal's entry would be rolled back with it.
        authorize(spec);
        long now = clock.millis();
        return db.computeInTransaction(() -> {
            long id = db.insert("INSERT INTO restore_run (created_at, updated_at, actor, source_cluster, store, topic, topic_id,"
                            + " restore_point, window_from, strict_timestamps, target_cluster, target_topic, cut_ends,"
                            + " start_offsets, planned_records, restored_records, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                            + " ?, ?, ?, ?, ?, 0, ?)", now, now, actor, spec.sourceCluster(), spec.store(), spec.topic(),
                    spec.topicId().toString(), spec.restorePoint(), spec.from() == null ? null : spec.from().toEpochMilli(),
                    spec.strictTimestamps(), spec.targetCluster(), spec.targetTopic(), offsets(spec.cutEnds()),
                    offsets(spec.startOffsets()), spec.plannedRecords(), RestoreState.RUNNING.name());
            audit.append(AuditAction.RESTORE_START, target(id), parameters(spec), AuditOutcome.OK, null);
            return get(id);
        });
    }

    /** Refuses, audited, a restore {@code spec} the principal's role does not allow, before its target is touched. */
    public void authorize(RestoreSpec spec) {
        audit.authorize(AuditAction.RESTORE_START, notBegunTarget(spec), parameters(spec));
    }

    /** Notes in the audit log that the restore {@code spec} did not begin: refused (its target as it is) or failed, and why. */
    public void notBegun(RestoreSpec spec, AuditOutcome outcome, String reason) {
        audit.append(AuditAction.RESTORE_START, notBegunTarget(spec), parameters(spec), outcome, reason);
    }

    private static String notBegunTarget(RestoreSpec spec) {
        return "restore of " + spec.topic() + " into " + spec.targetCluster() + "/" + spec.targetTopic();
    }

    /** Notes how many records of restore {@code id} are in the target, and how it stands. */
    public void update(long id, long restoredRecords, RestoreState state, String message) {
        db.inTransaction(() -> {
            get(id);
            db.update("UPDATE restore_run SET restored_records = ?, state = ?, message = ?, updated_at = ? WHERE id = ?",
                    restoredRecords, state.name(), message, clock.millis(), id);
            if (state != RestoreState.RUNNING) {
                audit.append(AuditAction.RESTORE_FINISH, target(id), Map.of("state", state.name().toLowerCase(),
                        "restored_records", restoredRecords), state == RestoreState.FAILED ? AuditOutcome.FAILED
                        : AuditOutcome.OK, message);
            }
        });
    }

    /**
     * Notes that restore {@code id} still runs, with {@code restoredRecords} in the target so far: its heartbeat (see
     * {@link Heartbeat}). Not audited: the run's start and end are. A restore no longer running is left alone.
     */
    public void stillRunning(long id, long restoredRecords) {
        db.update("UPDATE restore_run SET restored_records = ?, updated_at = ? WHERE id = ? AND state = ?", restoredRecords,
                clock.millis(), id, RestoreState.RUNNING.name());
    }

    /** Notes the result of verifying restore {@code id}. */
    public void verified(long id, RestoreRecord.Verification v) {
        db.inTransaction(() -> {
            get(id);
            db.update("UPDATE restore_run SET verified = ?, verify_expected = ?, verify_found = ?, verify_millis = ?,"
                            + " verify_detail = ?, updated_at = ? WHERE id = ?", v.passed(), v.expected(), v.found(),
                    v.duration().toMillis(), v.detail(), clock.millis(), id);
            audit.append(AuditAction.RESTORE_VERIFY, target(id), Map.of("expected_records", v.expected(), "found_records",
                    v.found()), v.passed() ? AuditOutcome.OK : AuditOutcome.FAILED, v.detail());
        });
    }

    /** Restore {@code id}; an error lists how to see the others. */
    public RestoreRecord get(long id) {
        return db.query("SELECT " + COLUMNS + " FROM restore_run WHERE id = ?", RestoreLog::restore, id).stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("There is no restore #" + id
                        + ": 'kaf-mirror restore status' lists the restores there are"));
    }

    /** Every restore, newest first. */
    public List<RestoreRecord> list() {
        return db.query("SELECT " + COLUMNS + " FROM restore_run ORDER BY id DESC", RestoreLog::restore);
    }

    /** The newest unfinished restore that is the same restore as {@code spec}, to resume rather than start again. */
    public Optional<RestoreRecord> unfinished(RestoreSpec spec) {
        return db.query("SELECT " + COLUMNS + " FROM restore_run WHERE state <> ? AND topic = ? AND target_topic = ?"
                                + " ORDER BY id DESC", RestoreLog::restore, RestoreState.COMPLETED.name(), spec.topic(),
                        spec.targetTopic()).stream()
                .filter(r -> r.spec().sameRestoreAs(spec)).findFirst();
    }

    private static String target(long id) {
        return "restore #" + id;
    }

    private static Map<String, Object> parameters(RestoreSpec spec) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("source_cluster", spec.sourceCluster());
        p.put("store", spec.store());
        p.put("topic", spec.topic());
        p.put("restore_point", spec.restorePoint());
        p.put("from", spec.from());
        p.put("target_cluster", spec.targetCluster());
        p.put("target_topic", spec.targetTopic());
        p.put("planned_records", spec.plannedRecords());
        return p;
    }

    static String offsets(Map<Integer, Long> offsets) {
        return offsets.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    static Map<Integer, Long> offsets(String text) {
        Map<Integer, Long> offsets = new TreeMap<>();
        if (!text.isEmpty()) {
            for (String pair : text.split(",")) {
                String[] parts = pair.split("=");
                offsets.put(Integer.parseInt(parts[0]), Long.parseLong(parts[1]));
            }
        }
        return offsets;
    }

    private static RestoreRecord restore(ResultSet rs) throws SQLException {
        long from = rs.getLong(10);
        Instant window = rs.wasNull() ? null : Instant.ofEpochMilli(from);
        RestoreSpec spec = new RestoreSpec(rs.getString(5), rs.getString(6), rs.getString(7), UUID.fromString(rs.getString(8)),
                rs.getString(9), window, rs.getBoolean(11), rs.getString(12), rs.getString(13), offsets(rs.getString(14)),
                offsets(rs.getString(15)), rs.getLong(16));
        boolean passed = rs.getBoolean(20);
        RestoreRecord.Verification verification = rs.wasNull() ? null : new RestoreRecord.Verification(passed, rs.getLong(21),
                rs.getLong(22), Duration.ofMillis(rs.getLong(23)), rs.getString(24));
        return new RestoreRecord(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), Instant.ofEpochMilli(rs.getLong(3)),
                rs.getString(4), spec, rs.getLong(17), RestoreState.valueOf(rs.getString(18)), rs.getString(19), verification);
    }
}
