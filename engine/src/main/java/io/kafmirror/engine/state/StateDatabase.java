package io.kafmirror.engine.state;

import io.kafmirror.engine.access.AccessDeniedException;
import io.kafmirror.engine.access.AuthenticationException;
import io.kafmirror.engine.access.Credentials;
import io.kafmirror.engine.access.Operation;
import io.kafmirror.engine.access.Principal;
import io.kafmirror.engine.access.Privilege;
import io.kafmirror.kfs.catalog.LoopbackH2Server;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.h2.api.ErrorCode;

/**
 * The state the console and the CLI share: jobs and their desired state ({@link JobStore}), what
 * happened to them ({@link JobHistory}), the alerts among those events and what people did about them
 * ({@link Alerts}), their metrics over time ({@link MetricsSeries}) and the audit log of every state-changing action
 * ({@link AuditLog}), what the anomaly detectors learned ({@link DetectorStates}) and the users who may act on them
 * ({@link Users}), in the embedded H2 file
 * database {@code <dataDir>/state.mv.db}.
 *
 * <p>The database is opened with {@code AUTO_SERVER=TRUE}: the first program to open it serves it to
 * the others, so {@code kaf-mirror run} and the console work on the same file at the same time; with
 * {@code AUTO_RECONNECT=TRUE} the others carry on when that first program exits.
 *
 * <p>What is backed up is not decided here: the segment store is the truth, and losing this database
 * loses jobs, history and charts, never a backup.
 */
public final class StateDatabase implements AutoCloseable {

    // Audit appenders of every program queue on one row lock (AuditLog); H2's default of 1 s is too short a queue
    // on a busy machine, and a wait that long means something is wrong.
    private static final int LOCK_TIMEOUT_MILLIS = 20_000;

    private final Path file;
    private final StateConnection connection;
    private final JobStore jobs;
    private final JobHistory history;
    private final MetricsSeries metrics;
    private final RestoreLog restores;
    private final Alerts alerts;
    private final AuditLog audit;
    private final DrillLog drills;
    private final Users users;
    private final DetectorStates detectorStates;
    private Credentials credentials = Credentials.none();

    private StateDatabase(Path file, StateConnection connection, String actor, Clock clock, Duration metricsRetention) {
        this.file = file;
        this.connection = connection;
        this.audit = new AuditLog(connection, Principal.anonymous(), clock);
        this.users = new Users(connection, audit, file, clock);
        this.history = new JobHistory(connection, audit, actor, clock);
        this.jobs = new JobStore(connection, history, audit, clock);
        this.metrics = new MetricsSeries(connection, clock, metricsRetention);
        this.restores = new RestoreLog(connection, audit, actor, clock);
        this.alerts = new Alerts(connection, history, audit, actor, clock);
        this.drills = new DrillLog(connection, audit, actor, clock);
        this.detectorStates = new DetectorStates(connection, clock);
    }

    /**
     * Opens (creating if needed) the state database in {@code dataDir} for the program {@code actor}
     * ({@code cli}, {@code console}), which the history names as the author of what it writes, without credentials:
     * as the operating-system user with admin rights while the data folder has no users, else as nobody until
     * {@link Users#login}.
     */
    public static StateDatabase open(Path dataDir, String actor) {
        return open(dataDir, actor, Credentials.none());
    }

    /**
     * As {@link #open(Path, String)}, acting as whoever presents {@code credentials}; a wrong, expired or revoked token is
     * audited and refused with {@link AuthenticationException}.
     */
    public static StateDatabase open(Path dataDir, String actor, Credentials credentials) {
        return open(dataDir, actor, credentials, Clock.systemUTC(), MetricsSeries.DEFAULT_RETENTION);
    }

    /** As {@link #open(Path, String)}, with the clock for new entries and how long metrics are kept. */
    public static StateDatabase open(Path dataDir, String actor, Clock clock, Duration metricsRetention) {
        return open(dataDir, actor, Credentials.none(), clock, metricsRetention);
    }

    /** As {@link #open(Path, String, Credentials)}, with the clock for new entries and how long metrics are kept. */
    public static StateDatabase open(Path dataDir, String actor, Credentials credentials, Clock clock, Duration metricsRetention) {
        if (actor == null || actor.isBlank() || actor.length() > 64) {
            throw new IllegalArgumentException("The program opening the state database must be named in 1 to 64 characters,"
                    + " e.g. cli or console, not '" + actor + "'");
        }
        Path base = dataDir.toAbsolutePath().resolve("state");
        Path file = Path.of(base + ".mv.db");
        Connection c;
        LoopbackH2Server.ensure();
        try {
            c = DriverManager.getConnection("jdbc:h2:file:" + base + ";AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE"
                    + ";LOCK_TIMEOUT=" + LOCK_TIMEOUT_MILLIS, "kaf-mirror", "");
        } catch (SQLException e) {
            throw cannotOpen(file, e);
        }
        StateConnection connection = new StateConnection(file, c);
        try {
            StateSchema.migrate(c, file);
            StateDatabase state = new StateDatabase(file, connection, actor, clock, metricsRetention);
            state.signIn(credentials);
            return state;
        } catch (SQLException e) {
            connection.close();
            throw new IllegalStateException("Cannot bring the state database " + file + " to schema version " + StateSchema.CURRENT
                    + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** The jobs and their desired state. */
    public JobStore jobs() {
        return readable(jobs);
    }

    /** What happened to each job. */
    public JobHistory history() {
        return readable(history);
    }

    /** The metrics of each job's partitions over time. */
    public MetricsSeries metrics() {
        return readable(metrics);
    }

    /** The restores started here, for resuming them and for the compliance report. */
    public RestoreLog restores() {
        return readable(restores);
    }

    /** The restore drills run here and how they ended, for the scheduler and the evidence pack. */
    public DrillLog drills() {
        return readable(drills);
    }

    /** What the jobs' anomaly detectors learned, kept between runs. */
    public DetectorStates detectorStates() {
        return detectorStates;
    }

    /** The anomalies in the jobs' histories, to acknowledge and mute. */
    public Alerts alerts() {
        return readable(alerts);
    }

    /** The local users, their tokens and logins. */
    public Users users() {
        return users;
    }

    /** Who acts on this database: the actor of its audit entries, whose role every action is checked against. */
    public Principal principal() {
        return audit.principal();
    }

    /**
     * Refuses, audited, with {@link AccessDeniedException}, an {@code operation} (reading the audit log, exporting evidence,
     * running the engine or drills) the principal's role does not have, on {@code target}.
     */
    public void require(Operation operation, String target) {
        audit.authorize(operation, target, Map.of());
    }

    /**
     * Checks again the credentials this database was opened with: a session or token may have expired, been ended or
     * revoked since, or its user's role changed (a program holding the database open for hours: the console). Refused,
     * audited, with {@link AuthenticationException} as at opening; without credentials there is nothing to check.
     */
    public void authenticateAgain() {
        if (credentials.present()) {
            users.authenticate(credentials.token());
        }
    }

    /** The hash-chained log of every state-changing action, who did it and how it ended. */
    public AuditLog audit() {
        return audit;
    }

    /** The database file, for messages. */
    public Path file() {
        return file;
    }

    @Override
    public void close() {
        connection.close();
    }

    // Without credentials, a data folder nobody claimed is the operating-system user's, as admin; a claimed one is nobody's.
    private void signIn(Credentials credentials) {
        this.credentials = credentials;
        if (credentials.present()) {
            users.authenticate(credentials.token());
        } else if (!users.claimed()) {
            audit.actAs(Principal.unclaimed());
        }
    }

    // Every store reads; its changes are checked again, each at the audit log.
    private <T> T readable(T store) {
        require(Privilege.READ_STATE, "state");
        return store;
    }

    private static IllegalStateException cannotOpen(Path file, SQLException e) {
        String what = switch (e.getErrorCode()) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> "it is in use by a program that did not open it for sharing (such as"
                    + " an H2 tool): close that program and try again";
            case ErrorCode.FILE_CORRUPTED_1, ErrorCode.FILE_VERSION_ERROR_1, ErrorCode.FILE_ENCRYPTION_ERROR_1 -> "it is"
                    + " damaged or not a kaf-mirror state database. Move it aside and kaf-mirror creates a new, empty one;"
                    + " then add the jobs again. Backups are not affected: the segment store holds them";
            default -> "check that " + file.getParent() + " is a folder kaf-mirror can write to";
        };
        return new IllegalStateException("Cannot open the state database " + file + ": " + what + " (" + e.getMessage() + ")", e);
    }
}
