package io.kafmirror.engine.state;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one JDBC connection of a {@link StateDatabase}, shared by its stores. Every method is
 * synchronized on it, so engine threads, the console's background tasks and a transaction never
 * interleave statements; failures name the database file.
 */
final class StateConnection {

    private final Path file;
    private final Connection connection;
    private boolean inTransaction;

    StateConnection(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    synchronized <T> List<T> query(String sql, Row<T> row, Object... args) {
        try (PreparedStatement s = prepare(sql, args); ResultSet rs = s.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row.map(rs));
            }
            return out;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    synchronized int update(String sql, Object... args) {
        try (PreparedStatement s = prepare(sql, args)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Runs an INSERT and returns the key the database generated for the new row. */
    synchronized long insert(String sql, Object... args) {
        try (PreparedStatement s = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(s, args);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    synchronized void batch(String sql, List<Object[]> rows) {
        inTransaction(() -> {
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                for (Object[] args : rows) {
                    bind(s, args);
                    s.addBatch();
                }
                s.executeBatch();
            } catch (SQLException e) {
                throw failure(e);
            }
        });
    }

    /** Runs {@code work} as one transaction: all of its statements are stored, or none. Inside another, it joins it. */
    synchronized void inTransaction(Runnable work) {
        if (inTransaction) {
            work.run();
            return;
        }
        try {
            connection.setAutoCommit(false);
            inTransaction = true;
            try {
                work.run();
                connection.commit();
            } catch (RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                inTransaction = false;
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Runs {@code work} as {@link #inTransaction(Runnable)} does and returns what it returns. */
    synchronized <T> T computeInTransaction(Supplier<T> work) {
        List<T> result = new ArrayList<>(1);
        inTransaction(() -> {
            result.add(work.get());
        });
        return result.get(0);
    }

    synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot close the state database " + file + ": " + e.getMessage(), e);
        }
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement s = connection.prepareStatement(sql);
        try {
            bind(s, args);
            return s;
        } catch (SQLException e) {
            s.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement s, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
    }

    private IllegalStateException failure(SQLException e) {
        return new IllegalStateException("The state database " + file + " failed: " + e.getMessage(), e);
    }

    /** Maps the current row of a result. */
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }
}
