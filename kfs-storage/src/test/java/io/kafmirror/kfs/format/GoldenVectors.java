package io.kafmirror.kfs.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.TimestampType;

/**
 * The golden test vectors of {@code docs/kfs-format.md}: their records, and their JSON form.
 * Run {@link #main} to regenerate the files after a deliberate format change (a new version).
 */
final class GoldenVectors {

    static final Path DIRECTORY = Path.of("src/test/resources/golden");
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GoldenVectors() {
    }

    /** The {@code SOURCE_BATCHES} vector: built batches mixed with source batches of every codec. */
    static final String SOURCE_BATCHES = "two-partitions-source-batches";

    /** Vector name → codec; the uncompressed one spreads over three partitions and many small batches. */
    static Map<String, SegmentCodec> vectors() {
        Map<String, SegmentCodec> vectors = new LinkedHashMap<>();
        vectors.put("three-partitions-uncompressed", SegmentCodec.NONE);
        for (SegmentCodec codec : List.of(SegmentCodec.GZIP, SegmentCodec.SNAPPY, SegmentCodec.LZ4, SegmentCodec.ZSTD)) {
            vectors.put("two-partitions-" + codec.name().toLowerCase(), codec);
        }
        vectors.put(SOURCE_BATCHES, SegmentCodec.ZSTD);
        return vectors;
    }

    static SealedSegment write(String name, SegmentCodec codec) {
        SegmentIdentity id = new SegmentIdentity("golden-cluster", "golden.topic",
                UUID.fromString("6f1c0d2e-3b4a-4c5d-8e9f-a0b1c2d3e4f5"), "golden-writer", 3);
        SegmentWriter writer = new SegmentWriter(id, new SegmentWriterConfig(codec, 160, 100), Map.of("writer", "kaf-mirror golden " + name));
        if (name.equals(SOURCE_BATCHES)) {
            sourceBatches().forEach((p, log) -> log.forEach(part -> part.appendTo(writer, p)));
        } else {
            records(codec == SegmentCodec.NONE ? 3 : 2).forEach((p, log) -> log.forEach(r -> writer.append(p, r)));
        }
        return writer.seal(1_764_061_987_123L);
    }

    /** The records vector {@code name} decodes to. */
    static Map<Integer, List<KfsRecord>> expected(String name, SegmentCodec codec) {
        if (!name.equals(SOURCE_BATCHES)) {
            return records(codec == SegmentCodec.NONE ? 3 : 2);
        }
        Map<Integer, List<KfsRecord>> logs = new TreeMap<>();
        sourceBatches().forEach((p, log) -> logs.put(p, log.stream().flatMap(part -> part.consumed().stream()).toList()));
        return logs;
    }

    /**
     * Per partition, in offset order: built records and source batches of every codec, among them
     * a transactional one, a LogAppendTime one and compacted ones whose offset ranges reach past
     * their records, at the start of partition 1 and the end of both.
     */
    static Map<Integer, List<LogPart>> sourceBatches() {
        Map<Integer, List<LogPart>> logs = new TreeMap<>();
        long time = 1_764_061_980_000L;
        for (int p = 0; p < 2; p++) {
            long o = 1000L * p;
            List<LogPart> log = new ArrayList<>();
            if (p == 1) {
                log.add(LogPart.of(SourceBatches.createTime(SegmentCodec.LZ4.compression(), o).lastOffset(o + 4)
                        .add(record(o + 2, time + 40, "compacted", null)).add(record(o + 3, time + 30, null, "kept"))));
                o += 5;
            }
            log.add(LogPart.of(List.of(record(o + 1, time + 100, "built", "first"), record(o + 2, time + 90, null, ""))));
            log.add(LogPart.of(SourceBatches.createTime(SegmentCodec.GZIP.compression(), o + 3)
                    .add(record(o + 3, time + 300, "gzip", "{\"n\":3}")).add(record(o + 5, time + 200, "", null))
                    .add(record(o + 6, time + 400, null, "{\"n\":6}"))));
            log.add(LogPart.of(SourceBatches.createTime(SegmentCodec.LZ4.compression(), o + 7).transactional(4242, (short) 3, 11)
                    .add(record(o + 7, time + 500, "tx", "committed")).add(record(o + 8, time + 510, "tx", "committed too"))));
            log.add(LogPart.of(List.of(new KfsRecord(o + 9, time + 2000, TimestampType.LOG_APPEND_TIME, utf8("built"),
                    utf8("log append time"), headers()))));
            log.add(LogPart.of(SourceBatches.logAppendTime(SegmentCodec.NONE.compression(), o + 10, time + 3000)
                    .add(record(o + 10, time + 1, "lat", "broker stamped")).add(record(o + 11, time + 2, "lat", null))));
            log.add(LogPart.of(SourceBatches.createTime(SegmentCodec.SNAPPY.compression(), o + 12).lastOffset(o + 19)
                    .add(record(o + 14, time + 600, "snappy", "compacted")).add(record(o + 16, time + 550, "snappy", "kept"))));
            log.add(LogPart.of(SourceBatches.createTime(SegmentCodec.ZSTD.compression(), o + 20).lastOffset(o + 25)
                    .add(record(o + 20, time + 700, "zstd", "first kept")).add(record(o + 23, time + 800, null, "last kept"))));
            logs.put(p, log);
        }
        return logs;
    }

    private static KfsRecord record(long offset, long timestamp, String key, String value) {
        return new KfsRecord(offset, timestamp, TimestampType.CREATE_TIME, key == null ? null : utf8(key),
                value == null ? null : utf8(value), headers());
    }

    private static Header[] headers() {
        return new Header[] {new RecordHeader("trace", utf8("t")), new RecordHeader("nullable", (byte[]) null),
            new RecordHeader("trace", new byte[] {(byte) 0xff, 0})};
    }

    /** Built records, or one source batch, of a golden partition log. */
    record LogPart(List<KfsRecord> records, SourceBatches batch) {

        static LogPart of(List<KfsRecord> records) {
            return new LogPart(records, null);
        }

        static LogPart of(SourceBatches batch) {
            return new LogPart(List.of(), batch);
        }

        void appendTo(SegmentWriter writer, int partition) {
            if (batch == null) {
                records.forEach(r -> writer.append(partition, r));
            } else {
                writer.appendBatch(partition, batch.build());
            }
        }

        List<KfsRecord> consumed() {
            return batch == null ? records : batch.consumed();
        }
    }

    static Map<Integer, List<KfsRecord>> records(int partitions) {
        Map<Integer, List<KfsRecord>> logs = new TreeMap<>();
        for (int p = 0; p < partitions; p++) {
            List<KfsRecord> log = new ArrayList<>();
            long offset = 1000L * p;
            long time = 1_764_061_980_000L;
            for (int i = 0; i < 12; i++) {
                offset += i % 5 == 4 ? 3 : 1;
                time += i % 4 == 3 ? -700 : 250;
                boolean appendTime = i >= 8 && i <= 9;
                byte[] key = i % 6 == 0 ? null : i % 6 == 1 ? new byte[0] : utf8("key-" + p + "-" + i);
                byte[] value = i % 7 == 3 ? null : i % 7 == 5 ? new byte[0] : utf8("{\"order\":" + i + ",\"partition\":" + p + "}");
                Header[] headers = i % 3 == 0 ? new Header[0] : new Header[] {
                    new RecordHeader("trace", utf8("t-" + i)), new RecordHeader("nullable", (byte[]) null),
                    new RecordHeader("trace", new byte[] {(byte) 0xff, 0})};
                log.add(new KfsRecord(offset, appendTime ? 1_764_061_990_000L : time,
                        appendTime ? TimestampType.LOG_APPEND_TIME : TimestampType.CREATE_TIME, key, value, headers));
            }
            logs.put(p, log);
        }
        return logs;
    }

    static ObjectNode toJson(SegmentFlags flags, SegmentFooter footer, Map<Integer, List<KfsRecord>> logs) {
        ObjectNode root = JSON.createObjectNode();
        root.put("flags", flags.bits());
        ObjectNode f = root.putObject("footer");
        f.put("sourceCluster", footer.identity().sourceCluster());
        f.put("topic", footer.identity().topic());
        f.put("topicId", footer.identity().topicId().toString());
        f.put("writerId", footer.identity().writerId());
        f.put("writerSequence", footer.identity().writerSequence());
        f.put("createdAt", footer.createdAt());
        f.put("codec", footer.codec().name().toLowerCase());
        f.put("recordCount", footer.recordCount());
        f.put("minTimestamp", footer.minTimestamp());
        f.put("maxTimestamp", footer.maxTimestamp());
        ObjectNode attributes = f.putObject("attributes");
        new TreeMap<>(footer.attributes()).forEach(attributes::put);
        ObjectNode chunks = root.putObject("chunks");
        footer.chunks().forEach(c -> chunks.putObject(String.valueOf(c.partition()))
                .put("firstOffset", c.firstOffset()).put("lastOffset", c.lastOffset()).put("recordCount", c.recordCount())
                .put("minTimestamp", c.minTimestamp()).put("maxTimestamp", c.maxTimestamp()));
        ObjectNode partitions = root.putObject("partitions");
        logs.forEach((p, log) -> {
            ArrayNode records = partitions.putArray(String.valueOf(p));
            log.forEach(r -> {
                ObjectNode n = records.addObject();
                n.put("offset", r.offset());
                n.put("timestamp", r.timestamp());
                n.put("timestampType", r.timestampType().name());
                n.put("key", base64(r.key()));
                n.put("value", base64(r.value()));
                ArrayNode headers = n.putArray("headers");
                for (Header h : r.headers()) {
                    headers.addObject().put("key", h.key()).put("value", base64(h.value()));
                }
            });
        });
        return root;
    }

    static JsonNode read(Path json) throws IOException {
        return JSON.readTree(json.toFile());
    }

    /** Regenerates every vector; only for a deliberate format change. */
    public static void main(String[] args) throws IOException {
        Files.createDirectories(DIRECTORY);
        for (var v : vectors().entrySet()) {
            SealedSegment sealed = write(v.getKey(), v.getValue());
            Files.write(DIRECTORY.resolve(v.getKey() + ".kfs"), sealed.bytes());
            SegmentFlags flags = SegmentReader.open(SegmentSource.of(v.getKey(), sealed.bytes())).trailer().flags();
            JSON.writeValue(DIRECTORY.resolve(v.getKey() + ".json").toFile(), toJson(flags, sealed.footer(), expected(v.getKey(), v.getValue())));
        }
    }

    private static String base64(byte[] bytes) {
        return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
