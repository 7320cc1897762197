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

    /** Vector name → codec; the uncompressed one spreads over three partitions and many small batches. */
    static Map<String, SegmentCodec> vectors() {
        Map<String, SegmentCodec> vectors = new LinkedHashMap<>();
        vectors.put("three-partitions-uncompressed", SegmentCodec.NONE);
        for (SegmentCodec codec : List.of(SegmentCodec.GZIP, SegmentCodec.SNAPPY, SegmentCodec.LZ4, SegmentCodec.ZSTD)) {
            vectors.put("two-partitions-" + codec.name().toLowerCase(), codec);
        }
        return vectors;
    }

    static SealedSegment write(String name, SegmentCodec codec) {
        int partitions = codec == SegmentCodec.NONE ? 3 : 2;
        SegmentIdentity id = new SegmentIdentity("golden-cluster", "golden.topic",
                UUID.fromString("6f1c0d2e-3b4a-4c5d-8e9f-a0b1c2d3e4f5"), "golden-writer", 3);
        SegmentWriter writer = new SegmentWriter(id, new SegmentWriterConfig(codec, 160, 100), Map.of("writer", "kaf-mirror golden " + name));
        records(partitions).forEach((p, log) -> log.forEach(r -> writer.append(p, r)));
        return writer.seal(1_764_061_987_123L);
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

    static ObjectNode toJson(SegmentFooter footer, Map<Integer, List<KfsRecord>> logs) {
        ObjectNode root = JSON.createObjectNode();
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
            Map<Integer, List<KfsRecord>> logs = records(v.getValue() == SegmentCodec.NONE ? 3 : 2);
            JSON.writeValue(DIRECTORY.resolve(v.getKey() + ".json").toFile(), toJson(sealed.footer(), logs));
        }
    }

    private static String base64(byte[] bytes) {
        return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
