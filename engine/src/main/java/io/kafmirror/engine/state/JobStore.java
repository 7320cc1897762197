package io.kafmirror.engine.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kafmirror.engine.config.ConfigException;
import io.kafmirror.engine.config.ConfigLoader;
import io.kafmirror.engine.config.ConfigName;
import io.kafmirror.engine.config.ConfigWriter;
import io.kafmirror.engine.config.JobConfig;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The jobs and their desired state. Each change is written together with its {@link Lifecycle} entry in
 * the job's history and its {@link AuditLog} entry, in one transaction, so the audit trail cannot miss a change; a
 * refused or failed change is audited too.
 *
 * <p>A job's configuration is stored as the YAML of {@link ConfigWriter}, which never writes a secret in
 * clear (a {@link JobConfig} holds none today; should one ever, it is written as its {@code ${VARIABLE}}
 * reference or masked). It is read back with a {@link ConfigLoader} given no environment: the stored
 * text is already expanded, and what a job means must not depend on who reads it.
 *
 * <p>Removing a job deletes it and its metrics; its history is kept, ending with {@link Lifecycle#JOB_REMOVED},
 * for audit. The name can then be used again, and the history reads as one timeline.
 */
public final class JobStore {

    private static final String COLUMNS = "name, config_yaml, desired_state, created_at, updated_at";

    private final StateConnection db;
    private final JobHistory history;
    private final AuditLog audit;
    private final Clock clock;
    private final ConfigWriter writer = new ConfigWriter();
    private final ConfigLoader loader = new ConfigLoader(Map.of());
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    JobStore(StateConnection db, JobHistory history, AuditLog audit, Clock clock) {
        this.db = db;
        this.history = history;
        this.audit = audit;
        this.clock = clock;
    }

    /** Adds the job {@code name}, running; a name already taken is refused. */
    public Job add(String name, JobConfig config) {
        return audit.record(AuditAction.JOB_ADD, name, parameters(config), () -> {
            checkName(name);
            String yaml = storable(name, config);
            long now = clock.millis();
            if (find(name).isPresent()) {
                throw new IllegalArgumentException("A job named '" + name + "' already exists: choose another name, or"
                        + " change that job with 'kaf-mirror jobs update' or remove it first");
            }
            db.update("INSERT INTO job (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)", name, yaml, DesiredState.RUNNING.name(), now, now);
            history.append(name, Lifecycle.JOB_ADDED, "added: " + summary(config), yaml);
            return new Job(name, config, DesiredState.RUNNING, Instant.ofEpochMilli(now), Instant.ofEpochMilli(now));
        });
    }

    /** The job {@code name}, if there is one. */
    public Optional<Job> find(String name) {
        return db.query("SELECT " + COLUMNS + " FROM job WHERE name = ?", this::job, name).stream().findFirst();
    }

    /** The job {@code name}; an {@link UnknownJobException} lists the jobs there are. */
    public Job get(String name) {
        return find(name).orElseThrow(() -> unknown(name));
    }

    /** Every job, sorted by name. */
    public List<Job> list() {
        return db.query("SELECT " + COLUMNS + " FROM job ORDER BY name", this::job);
    }

    /** Sets what the job {@code name} should do; setting the state it already has changes and records nothing but the request. */
    public Job setDesiredState(String name, DesiredState state) {
        return audit.record(action(state), name, Map.of("desired_state", state.name().toLowerCase()), () -> {
            DesiredState before = get(name).desiredState();
            if (before != state) {
                db.update("UPDATE job SET desired_state = ?, updated_at = ? WHERE name = ?", state.name(), clock.millis(), name);
                history.append(name, change(state), "desired state " + before.name().toLowerCase() + " → "
                        + state.name().toLowerCase(), null);
            }
            return get(name);
        });
    }

    /** Replaces the configuration of the job {@code name}; its desired state stays. */
    public Job update(String name, JobConfig config) {
        return audit.record(AuditAction.JOB_UPDATE, name, parameters(config), () -> {
            String yaml = storable(name, config);
            Job before = get(name);
            if (!before.config().equals(config)) {
                db.update("UPDATE job SET config_yaml = ?, updated_at = ? WHERE name = ?", yaml, clock.millis(), name);
                history.append(name, Lifecycle.JOB_UPDATED, "configuration changed: " + summary(config), yaml);
            }
            return get(name);
        });
    }

    /** Removes the job {@code name}, its metrics and what its detectors learned; its history is kept. */
    public void remove(String name) {
        audit.record(AuditAction.JOB_REMOVE, name, Map.of(), () -> {
            get(name);
            db.update("DELETE FROM job WHERE name = ?", name);
            db.update("DELETE FROM metric_sample WHERE job = ?", name);
            // A job added later under the same name backs up other topics, perhaps differently: it learns anew.
            db.update("DELETE FROM detector_state WHERE job = ?", name);
            history.append(name, Lifecycle.JOB_REMOVED, "removed; its backups in the store are untouched", null);
        });
    }

    // The configuration as the audit log's parameters: the YAML a job is stored as, as a tree, whose secrets (none today)
    // the log would redact. A configuration that cannot even be written is named by the refusal that follows.
    private Map<String, Object> parameters(JobConfig config) {
        try {
            return Map.of("config", YAML.readValue(writer.toYaml(config), Map.class));
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    private UnknownJobException unknown(String name) {
        return new UnknownJobException(name, db.query("SELECT name FROM job ORDER BY name", rs -> rs.getString(1)));
    }

    static void checkName(String name) {
        if (!ConfigName.isValid(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a valid job name: use " + ConfigName.RULE
                    + ", e.g. orders-backup");
        }
    }

    /** The YAML to store, refused now rather than found unreadable later when it would not read back the same. */
    private String storable(String name, JobConfig config) {
        String yaml = writer.toYaml(config);
        try {
            if (read(name, yaml).equals(config)) {
                return yaml;
            }
        } catch (ConfigException e) {
            throw notStorable(name, e.getMessage(), e);
        }
        throw notStorable(name, "it reads back differently", null);
    }

    // ConfigWriter writes a literal '$$' or '${' as it is, and the loader then expands it.
    private static IllegalArgumentException notStorable(String name, String why, Exception cause) {
        return new IllegalArgumentException("The configuration of job '" + name + "' cannot be stored: " + why
                + ". A value holding '$$' or '${' is read back as an environment reference: change that value.", cause);
    }

    private JobConfig read(String name, String yaml) {
        return loader.read(yaml, JobConfig.class, "job '" + name + "' in the state database");
    }

    private Job job(ResultSet rs) throws SQLException {
        String name = rs.getString(1);
        return new Job(name, read(name, rs.getString(2)), DesiredState.valueOf(rs.getString(3)),
                Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5)));
    }

    private static String summary(JobConfig config) {
        return "topics " + String.join(",", config.topics().includes())
                + (config.topics().excludes().isEmpty() ? "" : " except " + String.join(",", config.topics().excludes()))
                + " from " + config.source() + " into " + config.store();
    }

    private static AuditAction action(DesiredState state) {
        return switch (state) {
            case RUNNING -> AuditAction.JOB_RESUME;
            case PAUSED -> AuditAction.JOB_PAUSE;
            case STOPPED -> AuditAction.JOB_STOP;
        };
    }

    private static Lifecycle change(DesiredState state) {
        return switch (state) {
            case RUNNING -> Lifecycle.JOB_RESUMED;
            case PAUSED -> Lifecycle.JOB_PAUSED;
            case STOPPED -> Lifecycle.JOB_STOPPED;
        };
    }
}
