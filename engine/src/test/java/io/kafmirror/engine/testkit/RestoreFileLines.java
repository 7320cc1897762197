package io.kafmirror.engine.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafmirror.kfs.format.KfsRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.TimestampType;

/**
 * Reads a restore file back as a team using it outside Kafka would, from the documented format alone: a JSON object a
 * line, bytes decoded as each field's encoding says ({@code .gz} files gunzipped).
 */
public final class RestoreFileLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One line: the record and the partition it was stored in. */
    public record Line(int partition, KfsRecord record) {
    }

    private RestoreFileLines() {
    }

    /** Every line of {@code file}, in file order. */
    public static List<Line> read(Path file) throws IOException {
        List<Line> lines = new ArrayList<>();
        InputStream in = Files.newInputStream(file);
        if (file.toString().endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                lines.add(line(JSON.readTree(text)));
            }
        }
        return lines;
    }

    /** The records of {@code file} by partition, each in file order. */
    public static Map<Integer, List<KfsRecord>> byPartition(Path file) throws IOException {
        Map<Integer, List<KfsRecord>> records = new TreeMap<>();
        read(file).forEach(l -> records.computeIfAbsent(l.partition(), p -> new ArrayList<>()).add(l.record()));
        return records;
    }

    private static Line line(JsonNode o) {
        List<Header> headers = new ArrayList<>();
        o.get("headers").forEach(h -> headers.add(new RecordHeader(h.get("key").textValue(), bytes(h, "value"))));
        JsonNode timestamp = o.get("timestamp");
        KfsRecord record = new KfsRecord(o.get("offset").longValue(), timestamp.isNull() ? KfsRecord.NO_TIMESTAMP : timestamp.longValue(),
                TimestampType.forName(o.get("timestampType").textValue()), bytes(o, "key"), bytes(o, "value"),
                headers.toArray(Header[]::new));
        return new Line(o.get("partition").intValue(), record);
    }

    private static byte[] bytes(JsonNode o, String field) {
        String text = o.get(field).textValue();
        String encoding = o.get(field + "Encoding").textValue();
        if (text == null || encoding == null) {
            if (text != null || encoding != null) {
                throw new IllegalStateException(field + " and its encoding must be null together: " + o);
            }
            return null;
        }
        return switch (encoding) {
            case "utf8" -> text.getBytes(StandardCharsets.UTF_8);
            case "base64" -> Base64.getDecoder().decode(text);
            default -> throw new IllegalStateException("Unknown encoding " + encoding + " in " + o);
        };
    }
}
