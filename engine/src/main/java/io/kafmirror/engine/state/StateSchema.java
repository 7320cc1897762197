package io.kafmirror.engine.state;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Brings a state database forward to the current schema by running the numbered scripts
 * {@code state-schema-N.sql} it has not run yet, recording each in {@code schema_version}.
 *
 * <p>A console and a CLI may open a new or older database at the same moment and both migrate it.
 * H2's {@code IF NOT EXISTS} is not atomic between sessions (both see no index, the second to create
 * it fails), so every script must be idempotent ({@code IF NOT EXISTS}, {@code ADD COLUMN IF NOT EXISTS}),
 * the version is recorded with {@code MERGE}, and a failed migration is tried again a few times: the
 * second try finds what the other program created. A database of a newer version is refused, never
 * altered: this kaf-mirror cannot know what the newer one's tables mean.
 */
final class StateSchema {

    static final int CURRENT = 8;

    private StateSchema() {
    }

    private static final int ATTEMPTS = 5;

    static void migrate(Connection c, Path file) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                migrateOnce(c, file);
                return;
            } catch (SQLException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private static void migrateOnce(Connection c, Path file) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT PRIMARY KEY, applied_at BIGINT NOT NULL)");
            int version;
            try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
                rs.next();
                version = rs.getInt(1);
            }
            if (version > CURRENT) {
                throw new IllegalStateException("The state database " + file + " has schema version " + version
                        + ", but this kaf-mirror reads versions up to " + CURRENT + ": a newer kaf-mirror wrote it."
                        + " Upgrade kaf-mirror, or give this one another data folder.");
            }
            for (int v = version + 1; v <= CURRENT; v++) {
                for (String statement : script(v).split(";")) {
                    if (!statement.isBlank()) {
                        s.execute(statement);
                    }
                }
                s.execute("MERGE INTO schema_version KEY (version) VALUES (" + v + ", " + System.currentTimeMillis() + ")");
            }
        }
    }

    private static void pause(int attempt) throws SQLException {
        try {
            Thread.sleep(50L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting to migrate the state database", e);
        }
    }

    private static String script(int version) {
        String name = "state-schema-" + version + ".sql";
        try (InputStream in = StateSchema.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("State schema script " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
