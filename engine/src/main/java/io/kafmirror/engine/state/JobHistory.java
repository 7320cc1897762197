package io.kafmirror.engine.state;

import io.kafmirror.engine.mirror.MirrorEvent;
import io.kafmirror.engine.mirror.MirrorListener;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happened to each job: the changes people made ({@link Lifecycle}) and the events its engine
 * noticed ({@link MirrorEvent}), each with the program that wrote it. The history is the audit trail:
 * nothing here deletes it, not even removing the job.
 */
public final class JobHistory {

    private static final Logger LOG = LoggerFactory.getLogger(JobHistory.class);

    private final StateConnection db;
    private final AuditLog audit;
    private final String actor;
    private final Clock clock;

    JobHistory(StateConnection db, AuditLog audit, String actor, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.actor = actor;
        this.clock = clock;
    }

    /**
     * Appends an event the engine of {@code job} noticed, at the time it noticed it; an anomaly also goes into the audit
     * log, in the same transaction, so the tamper-evident trail holds every alert raised (issue #7).
     */
    public void append(String job, MirrorEvent event) {
        Runnable insert = () -> insert(job, event.at(), event.type().name(), event.topic(), event.partition(), event.message(), null);
        if (!event.type().anomaly()) {
            insert.run();
            return;
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("type", event.type().name());
        parameters.put("severity", event.type().severity().name());
        parameters.put("at", event.at().toString());
        parameters.put("topic", event.topic());
        parameters.put("partition", event.partition());
        parameters.put("message", event.message());
        audit.record(AuditAction.ALERT_RAISE, job, parameters, insert);
    }

    /** Appends a change to {@code job} made now by this program, e.g. {@link Lifecycle#RUN_STARTED}. */
    public void append(String job, Lifecycle change, String message) {
        append(job, change, message, null);
    }

    void append(String job, Lifecycle change, String message, String detail) {
        insert(job, clock.instant(), change.name(), null, -1, message, detail);
    }

    /** The entries {@code filter} selects, newest first. */
    public List<HistoryEntry> query(HistoryFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT id, job, at, type, topic, partition_id, actor, message, detail"
                + " FROM job_event WHERE at BETWEEN ? AND ?");
        List<Object> args = new ArrayList<>(List.of(filter.from().toEpochMilli(), filter.to().toEpochMilli()));
        if (filter.job() != null) {
            sql.append(" AND job = ?");
            args.add(filter.job());
        }
        if (!filter.types().isEmpty()) {
            sql.append(" AND type IN (").append(String.join(", ", Collections.nCopies(filter.types().size(), "?"))).append(')');
            args.addAll(filter.types());
        }
        sql.append(" ORDER BY at DESC, id DESC LIMIT ?");
        args.add(filter.limit());
        return db.query(sql.toString(), JobHistory::entry, args.toArray());
    }

    /**
     * A listener that appends the events of {@code job}'s engine to its history. A failure to write is
     * logged with the event rather than thrown: the backup must go on when its history cannot be written.
     */
    public MirrorListener listener(String job) {
        JobStore.checkName(job);
        return new MirrorListener() {
            @Override
            public void event(MirrorEvent event) {
                try {
                    append(job, event);
                } catch (RuntimeException e) {
                    LOG.error("Cannot write this event of job {} to the state database: {} {} {}-{}: {}", job, event.at(),
                            event.type(), event.topic(), event.partition(), event.message(), e);
                }
            }
        };
    }

    private void insert(String job, Instant at, String type, String topic, int partition, String message, String detail) {
        JobStore.checkName(job);
        db.update("INSERT INTO job_event (job, at, type, topic, partition_id, actor, message, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                job, at.toEpochMilli(), type, topic, partition, actor, message, detail);
    }

    private static HistoryEntry entry(ResultSet rs) throws SQLException {
        return new HistoryEntry(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4),
                rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9));
    }
}
