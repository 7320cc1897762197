package io.kafmirror.kfs.catalog;

import io.kafmirror.kfs.format.SegmentCodec;
import io.kafmirror.kfs.store.ObjectRetention;
import io.kafmirror.kfs.store.RetentionMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The persistent catalog of every stored segment, in an embedded H2 file database that the
 * console and the CLI can open at the same time. The store is the source of truth: the catalog
 * is an index of it and can always be rebuilt from it ({@link CatalogRebuild}).
 */
public final class SegmentCatalog implements AutoCloseable {

    private static final String SEGMENT_COLUMNS = "object_key, cluster, topic, topic_id, writer_id, writer_sequence, sealed_at, codec, "
            + "size_bytes, sha256, record_count, min_timestamp, max_timestamp, retention_mode, retain_until, legal_hold";

    private final Path file;
    private final Connection connection;

    private SegmentCatalog(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating if needed) the catalog at {@code file} (H2 adds {@code .mv.db}). */
    public static SegmentCatalog open(Path file) {
        Path absolute = file.toAbsolutePath();
        LoopbackH2Server.ensure();
        try {
            Connection c = DriverManager.getConnection("jdbc:h2:file:" + absolute + ";AUTO_SERVER=TRUE", "kaf-mirror", "");
            CatalogSchema.migrate(c);
            return new SegmentCatalog(absolute, c);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the catalog database " + absolute + ".mv.db: " + e.getMessage()
                    + ". Check the path and its permissions; a lost or damaged catalog can be rebuilt with 'kaf-mirror store rebuild-catalog'.", e);
        }
    }

    /**
     * Records a segment. Adding the same key with the same SHA-256 again changes nothing; with a
     * different SHA-256 it is refused, because a segment is never rewritten.
     */
    public synchronized void add(CatalogEntry e) {
        inTransaction(() -> {
            Optional<String> existing = querySingle("SELECT sha256 FROM segment WHERE object_key = ?", rs -> rs.getString(1), e.key());
            if (existing.isPresent()) {
                if (!existing.get().equals(e.sha256())) {
                    throw new CatalogConflictException(e.key(), existing.get(), e.sha256());
                }
                return;
            }
            try (PreparedStatement s = connection.prepareStatement("INSERT INTO segment (" + SEGMENT_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                s.setString(1, e.key());
                s.setString(2, e.cluster());
                s.setString(3, e.topic());
                s.setObject(4, e.topicId());
                s.setString(5, e.writerId());
                s.setLong(6, e.sequence());
                s.setLong(7, e.sealedAt().toEpochMilli());
                s.setString(8, e.codec().name());
                s.setLong(9, e.size());
                s.setString(10, e.sha256());
                s.setLong(11, e.recordCount());
                s.setLong(12, e.minTimestamp());
                s.setLong(13, e.maxTimestamp());
                s.setString(14, e.retention().isSet() ? e.retention().mode().name() : null);
                s.setObject(15, e.retention().isSet() ? e.retention().retainUntil().toEpochMilli() : null);
                s.setBoolean(16, e.legalHold());
                s.executeUpdate();
            }
            try (PreparedStatement s = connection.prepareStatement("INSERT INTO segment_chunk VALUES (?,?,?,?,?,?,?,?)")) {
                for (CatalogChunk c : e.chunks()) {
                    s.setString(1, e.key());
                    s.setInt(2, c.partition());
                    s.setLong(3, c.firstOffset());
                    s.setLong(4, c.lastOffset());
                    s.setLong(5, c.recordCount());
                    s.setLong(6, c.minTimestamp());
                    s.setLong(7, c.maxTimestamp());
                    s.setLong(8, c.bytes());
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
    }

    /** The segment stored under {@code key}, if catalogued. */
    public synchronized Optional<CatalogEntry> find(String key) {
        return select("WHERE object_key = ?", key).stream().findFirst();
    }

    /** Every catalogued segment, in key order (which is time order within a topic). */
    public synchronized List<CatalogEntry> all() {
        return select("");
    }

    /** Segments of a topic, in key order. */
    public synchronized List<CatalogEntry> segments(String cluster, String topic) {
        return select("WHERE cluster = ? AND topic = ?", cluster, topic);
    }

    /** Segments holding records of one partition, in offset order. */
    public synchronized List<CatalogEntry> segments(String cluster, String topic, int partition) {
        return select("WHERE cluster = ? AND topic = ? AND object_key IN (SELECT object_key FROM segment_chunk WHERE partition_id = ?)",
                cluster, topic, partition).stream()
                .sorted((a, b) -> Long.compare(firstOffset(a, partition), firstOffset(b, partition)))
                .toList();
    }

    /** Source clusters with catalogued segments, sorted. */
    public synchronized List<String> clusters() {
        return strings("SELECT DISTINCT cluster FROM segment ORDER BY cluster");
    }

    /** Topics of {@code cluster} with catalogued segments, sorted. */
    public synchronized List<String> topics(String cluster) {
        return strings("SELECT DISTINCT topic FROM segment WHERE cluster = ? ORDER BY topic", cluster);
    }

    /** Per partition of a topic: stored offset and time ranges, record counts, segments and bytes. */
    public synchronized List<PartitionSummary> partitions(String cluster, String topic) {
        return query("SELECT c.partition_id, MIN(c.first_offset), MAX(c.last_offset), SUM(c.record_count), MIN(c.min_timestamp), "
                        + "MAX(c.max_timestamp), COUNT(*), SUM(c.chunk_bytes) FROM segment_chunk c JOIN segment s ON s.object_key = c.object_key "
                        + "WHERE s.cluster = ? AND s.topic = ? GROUP BY c.partition_id ORDER BY c.partition_id",
                rs -> new PartitionSummary(cluster, topic, rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getInt(7), rs.getLong(8)), cluster, topic);
    }

    /** Number of catalogued segments. */
    public synchronized long count() {
        return querySingle("SELECT COUNT(*) FROM segment", rs -> rs.getLong(1)).orElse(0L);
    }

    /** Forgets every segment (the store is untouched), before a rebuild. */
    public synchronized void clear() {
        inTransaction(() -> {
            try (var s = connection.createStatement()) {
                s.execute("DELETE FROM segment_chunk");
                s.execute("DELETE FROM segment");
            }
        });
    }

    /** The database file, for messages. */
    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot close the catalog " + file + ": " + e.getMessage(), e);
        }
    }

    private static long firstOffset(CatalogEntry e, int partition) {
        return e.chunks().stream().filter(c -> c.partition() == partition).mapToLong(CatalogChunk::firstOffset).findFirst().orElse(Long.MAX_VALUE);
    }

    private List<CatalogEntry> select(String where, Object... args) {
        Map<String, CatalogEntry> byKey = new LinkedHashMap<>();
        for (CatalogEntry e : query("SELECT " + SEGMENT_COLUMNS + " FROM segment " + where + " ORDER BY object_key", SegmentCatalog::entry, args)) {
            byKey.put(e.key(), e);
        }
        if (byKey.isEmpty()) {
            return List.of();
        }
        Map<String, List<CatalogChunk>> chunks = new LinkedHashMap<>();
        query("SELECT object_key, partition_id, first_offset, last_offset, record_count, min_timestamp, max_timestamp, chunk_bytes "
                        + "FROM segment_chunk WHERE object_key IN (SELECT object_key FROM segment " + where + ") ORDER BY object_key, partition_id",
                rs -> chunks.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new CatalogChunk(rs.getInt(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8))), args);
        return byKey.values().stream().map(e -> withChunks(e, chunks.getOrDefault(e.key(), List.of()))).toList();
    }

    private static CatalogEntry entry(ResultSet rs) throws SQLException {
        String mode = rs.getString(14);
        ObjectRetention retention = mode == null ? ObjectRetention.NONE
                : ObjectRetention.of(RetentionMode.valueOf(mode), Instant.ofEpochMilli(rs.getLong(15)));
        return new CatalogEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class), rs.getString(5),
                rs.getLong(6), Instant.ofEpochMilli(rs.getLong(7)), SegmentCodec.valueOf(rs.getString(8)), rs.getLong(9),
                rs.getString(10), rs.getLong(11), rs.getLong(12), rs.getLong(13), retention, rs.getBoolean(16), List.of());
    }

    private static CatalogEntry withChunks(CatalogEntry e, List<CatalogChunk> chunks) {
        return new CatalogEntry(e.key(), e.cluster(), e.topic(), e.topicId(), e.writerId(), e.sequence(), e.sealedAt(), e.codec(),
                e.size(), e.sha256(), e.recordCount(), e.minTimestamp(), e.maxTimestamp(), e.retention(), e.legalHold(), chunks);
    }

    private List<String> strings(String sql, Object... args) {
        return query(sql, rs -> rs.getString(1), args);
    }

    private <T> Optional<T> querySingle(String sql, Row<T> row, Object... args) {
        return query(sql, row, args).stream().findFirst();
    }

    private <T> List<T> query(String sql, Row<T> row, Object... args) {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(row.map(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private void inTransaction(SqlWork work) {
        try {
            connection.setAutoCommit(false);
            try {
                work.run();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private IllegalStateException failure(SQLException e) {
        return new IllegalStateException("The catalog " + file + ".mv.db failed: " + e.getMessage(), e);
    }

    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private interface SqlWork {
        void run() throws SQLException;
    }
}
