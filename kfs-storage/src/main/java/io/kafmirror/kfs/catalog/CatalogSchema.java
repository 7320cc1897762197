package io.kafmirror.kfs.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Brings a catalog database to the current schema by running the numbered scripts
 * {@code schema-N.sql} it has not run yet, recording each in {@code schema_version}. (A migration
 * library can take over once the engine's own tables need more than this.)
 */
final class CatalogSchema {

    static final int CURRENT = 1;

    private CatalogSchema() {
    }

    static void migrate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT NOT NULL)");
            int version = 0;
            try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
                rs.next();
                version = rs.getInt(1);
            }
            if (version > CURRENT) {
                throw new IllegalStateException("The catalog database has schema version " + version + " but this kaf-mirror knows "
                        + CURRENT + ": it was written by a newer kaf-mirror. Upgrade, or point --catalog at another file.");
            }
            for (int v = version + 1; v <= CURRENT; v++) {
                for (String statement : script(v).split(";")) {
                    if (!statement.isBlank()) {
                        s.execute(statement);
                    }
                }
                s.execute("INSERT INTO schema_version VALUES (" + v + ")");
            }
        }
    }

    private static String script(int version) {
        String name = "schema-" + version + ".sql";
        try (InputStream in = CatalogSchema.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Catalog schema script " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
