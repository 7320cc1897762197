package io.kafmirror.engine.state;

import io.kafmirror.engine.mirror.MirrorEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The alerts of every job: the anomalies in its history ({@code job_event} rows whose type is an anomaly), with
 * their acknowledgements ({@code alert_ack}) and the mutes that cover them ({@code alert_mute}). What people do about
 * an alert is recorded with the user (the state database's principal) and program, and written to the job's history (the audit
 * trail) in the same transaction; nothing here deletes an alert or a mute.
 */
public final class Alerts {

    // Mutes are matched to alerts in SQL so that state filters and limits apply before rows leave the database;
    // Mute.covers is the same rule for an alert not recorded yet.
    private static final String COVERING_MUTE = "SELECT MAX(x.id) FROM alert_mute x WHERE x.job = e.job AND x.type = e.type"
            + " AND (x.topic IS NULL OR x.topic = e.topic) AND e.at < COALESCE(x.unmuted_at, x.until_at, " + Long.MAX_VALUE + ")";
    private static final String FROM = " FROM job_event e LEFT JOIN alert_ack a ON a.event_id = e.id"
            + " LEFT JOIN alert_mute m ON m.id = (" + COVERING_MUTE + ")";
    private static final String COLUMNS = "SELECT e.id, e.job, e.at, e.type, e.topic, e.partition_id, e.message,"
            + " a.acked_by, a.actor, a.acked_at, a.comment, " + muteColumns("m");

    private final StateConnection db;
    private final JobHistory history;
    private final AuditLog audit;
    private final String actor;
    private final Clock clock;

    Alerts(StateConnection db, JobHistory history, AuditLog audit, String actor, Clock clock) {
        this.db = db;
        this.history = history;
        this.audit = audit;
        this.actor = actor;
        this.clock = clock;
    }

    /** The alerts {@code filter} selects, newest first. */
    public List<Alert> list(AlertFilter filter) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(filter.limit());
        return db.query(COLUMNS + FROM + where + " ORDER BY e.at DESC, e.id DESC LIMIT ?", Alerts::alert, args.toArray());
    }

    /** How many alerts {@code filter} selects, its limit aside; e.g. the open critical ones for the status bar. */
    public int count(AlertFilter filter) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        return db.query("SELECT COUNT(*)" + FROM + where, rs -> rs.getInt(1), args.toArray()).get(0);
    }

    /** The alert {@code id}; {@link UnknownAlertException} when there is none by that id. */
    public Alert get(long id) {
        List<String> type = db.query("SELECT type FROM job_event WHERE id = ?", rs -> rs.getString(1), id);
        if (type.isEmpty()) {
            throw new UnknownAlertException(id, "no history entry has this id");
        }
        if (Arrays.stream(MirrorEvent.Type.values()).noneMatch(t -> t.anomaly() && t.name().equals(type.get(0)))) {
            throw new UnknownAlertException(id, "history entry " + id + " is " + type.get(0) + ", a routine event or a change"
                    + " someone made, not an anomaly");
        }
        return db.query(COLUMNS + FROM + " WHERE e.id = ?", Alerts::alert, id).get(0);
    }

    /**
     * Acknowledges the alert {@code id} now, by this user, with {@code comment} ({@code null} or blank for none). An
     * alert is acknowledged once: a second time is refused, naming who did it first.
     */
    public Alert acknowledge(long id, String comment) {
        audit.record(AuditAction.ALERT_ACKNOWLEDGE, "alert " + id, parameters("comment", comment), () -> {
            Alert alert = get(id);
            if (alert.acknowledgement() != null) {
                Acknowledgement by = alert.acknowledgement();
                throw new IllegalStateException("Alert " + id + " was already acknowledged by " + by.by() + " at " + by.at()
                        + (by.comment() == null ? "" : " (\"" + by.comment() + "\")") + ".");
            }
            String text = comment == null || comment.isBlank() ? null : comment.strip();
            db.update("INSERT INTO alert_ack (event_id, acked_by, actor, acked_at, comment) VALUES (?, ?, ?, ?, ?)",
                    id, user(), actor, clock.millis(), text);
            history.append(alert.job(), Lifecycle.ALERT_ACKNOWLEDGED, "alert " + id + " (" + alert.type()
                    + (alert.topic() == null ? "" : " on " + alert.topic()) + ") acknowledged by " + user()
                    + (text == null ? "" : ": " + text));
        });
        return get(id);
    }

    /**
     * Mutes the {@code type} alerts of {@code job} on {@code topic} ({@code null} for any topic) from now, for
     * {@code duration} or, when it is {@code null}, until {@link #unmute unmuted}. The alerts it covers are listed as
     * {@link AlertState#MUTED}.
     */
    public Mute mute(String job, MirrorEvent.Type type, String topic, Duration duration) {
        Map<String, Object> parameters = parameters("type", type, "topic", topic, "duration", duration);
        return audit.record(AuditAction.ALERT_MUTE, job, parameters, () -> muteNow(job, type, topic, duration));
    }

    private Mute muteNow(String job, MirrorEvent.Type type, String topic, Duration duration) {
        checkJob(job);
        checkAnomaly(type);
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("A mute must last a positive time, not " + duration
                    + "; to mute until unmuted, give no duration.");
        }
        Instant now = clock.instant();
        Instant until = duration == null ? null : now.plus(duration);
        long id = db.computeInTransaction(() -> {
            history.append(job, Lifecycle.ALERTS_MUTED, Mute.scope(job, type, topic) + " muted by " + user()
                    + (until == null ? " until unmuted" : " until " + until));
            return db.insert("INSERT INTO alert_mute (job, type, topic, muted_by, actor, muted_at, until_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    job, type.name(), topic, user(), actor, now.toEpochMilli(), until == null ? null : until.toEpochMilli());
        });
        return db.query("SELECT " + muteColumns("m") + " FROM alert_mute m WHERE m.id = ?", rs -> mute(rs, 1), id).get(0);
    }

    /**
     * Ends now the mutes in force of {@code type} alerts of {@code job} on exactly {@code topic} ({@code null}: the
     * any-topic mute). Alerts raised from now on are open again; those the mutes covered stay muted.
     */
    public List<Mute> unmute(String job, MirrorEvent.Type type, String topic) {
        Map<String, Object> parameters = parameters("type", type, "topic", topic);
        return audit.record(AuditAction.ALERT_UNMUTE, job, parameters, () -> unmuteNow(job, type, topic));
    }

    private List<Mute> unmuteNow(String job, MirrorEvent.Type type, String topic) {
        long now = clock.millis();
        List<Mute> ending = inForce().stream()
                .filter(m -> m.job().equals(job) && m.type() == type && Objects.equals(m.topic(), topic)).toList();
        if (ending.isEmpty()) {
            List<Mute> all = inForce();
            throw new IllegalArgumentException("No mute of " + Mute.scope(job, type, topic) + " is in force. " + (all.isEmpty()
                    ? "No mute is in force."
                    : "In force: " + all.stream().map(Mute::scope).collect(Collectors.joining("; ")) + "."));
        }
        db.inTransaction(() -> {
            for (Mute m : ending) {
                db.update("UPDATE alert_mute SET unmuted_by = ?, unmuted_at = ? WHERE id = ?", user(), now, m.id());
            }
            history.append(job, Lifecycle.ALERTS_UNMUTED, Mute.scope(job, type, topic) + " unmuted by " + user());
        });
        return ending;
    }

    /** The mutes in force now, oldest first. */
    public List<Mute> inForce() {
        long now = clock.millis();
        return db.query("SELECT " + muteColumns("m") + " FROM alert_mute m WHERE m.unmuted_at IS NULL"
                + " AND (m.until_at IS NULL OR m.until_at > ?) ORDER BY m.id", rs -> mute(rs, 1), now);
    }

    // What an alert action was asked with, for the audit log; absent values are left out.
    private Map<String, Object> parameters(Object... pairs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                out.put((String) pairs[i], pairs[i + 1]);
            }
        }
        out.put("user", user());
        return out;
    }

    private String user() {
        return audit.principal().name();
    }

    private static String where(AlertFilter filter, List<Object> args) {
        List<String> types = Arrays.stream(MirrorEvent.Type.values())
                .filter(t -> t.anomaly() && (filter.severities().isEmpty() || filter.severities().contains(t.severity())))
                .map(Enum::name).toList();
        if (types.isEmpty()) {
            return " WHERE FALSE";
        }
        StringBuilder sql = new StringBuilder(" WHERE e.type IN (").append(placeholders(types.size())).append(") AND e.at BETWEEN ? AND ?");
        args.addAll(types);
        args.add(filter.from().toEpochMilli());
        args.add(filter.to().toEpochMilli());
        if (filter.job() != null) {
            sql.append(" AND e.job = ?");
            args.add(filter.job());
        }
        if (!filter.states().isEmpty()) {
            sql.append(filter.states().stream().map(Alerts::condition).collect(Collectors.joining(" OR ", " AND (", ")")));
        }
        return sql.toString();
    }

    private static String condition(AlertState state) {
        return switch (state) {
            case OPEN -> "(a.event_id IS NULL AND m.id IS NULL)";
            case ACKNOWLEDGED -> "a.event_id IS NOT NULL";
            case MUTED -> "(a.event_id IS NULL AND m.id IS NOT NULL)";
        };
    }

    private void checkJob(String job) {
        List<String> known = db.query("SELECT name FROM job UNION SELECT job FROM job_event ORDER BY 1", rs -> rs.getString(1));
        if (!known.contains(job)) {
            throw new UnknownJobException(job, known);
        }
    }

    private static void checkAnomaly(MirrorEvent.Type type) {
        if (!type.anomaly()) {
            throw new IllegalArgumentException(type + " is a routine event, never an alert: there is nothing to mute. The alert types are: "
                    + Arrays.stream(MirrorEvent.Type.values()).filter(MirrorEvent.Type::anomaly).map(Enum::name)
                    .collect(Collectors.joining(", ")) + ".");
        }
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static String muteColumns(String m) {
        return String.join(", ", List.of("id", "job", "type", "topic", "muted_by", "actor", "muted_at", "until_at", "unmuted_by",
                "unmuted_at").stream().map(c -> m + "." + c).toList());
    }

    private static Alert alert(ResultSet rs) throws SQLException {
        Acknowledgement ack = rs.getString(8) == null ? null
                : new Acknowledgement(rs.getString(8), rs.getString(9), Instant.ofEpochMilli(rs.getLong(10)), rs.getString(11));
        Mute mute = rs.getObject(12) == null ? null : mute(rs, 12);
        return new Alert(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), MirrorEvent.Type.valueOf(rs.getString(4)),
                rs.getString(5), rs.getInt(6), rs.getString(7), ack, mute);
    }

    private static Mute mute(ResultSet rs, int first) throws SQLException {
        return new Mute(rs.getLong(first), rs.getString(first + 1), MirrorEvent.Type.valueOf(rs.getString(first + 2)),
                rs.getString(first + 3), rs.getString(first + 4), rs.getString(first + 5), Instant.ofEpochMilli(rs.getLong(first + 6)),
                instant(rs, first + 7), rs.getString(first + 8), instant(rs, first + 9));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
