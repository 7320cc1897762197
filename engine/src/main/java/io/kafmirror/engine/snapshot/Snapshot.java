package io.kafmirror.engine.snapshot;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * A stored snapshot: its key, which carries cluster, kind, taken-at time and writer, and its body.
 * {@link #encode} and {@link #decode} read and write the versioned envelope of {@code docs/snapshots.md}:
 *
 * <pre>{"format":"kaf-mirror-snapshot","version":1,"kind":…,"cluster":…,"takenAt":…,"writer":…,"sha256":…,"body":{…}}</pre>
 *
 * <p>followed by one line feed. The body is written in canonical form ({@link CanonicalJson}) and
 * {@code sha256} is the SHA-256 of those bytes; a reader re-canonicalises the body it parsed, so it
 * accepts any member order and whitespace, and still notices any changed value. Decoding checks, in
 * this order, that the bytes are one complete JSON object, the format name, that the version is one
 * this reader knows, the kind, the hash, that the header agrees with the key, and the body's fields.
 *
 * @param key  where the snapshot is stored, and so who took it of what, when
 * @param body what it holds
 * @param <B>  the body type
 */
public record Snapshot<B extends SnapshotBody>(SnapshotKey key, B body) {

    /** The {@code format} member of every snapshot. */
    public static final String FORMAT = "kaf-mirror-snapshot";
    /** The envelope and body version this code writes, and the newest it reads. */
    public static final int VERSION = 1;

    private static final DateTimeFormatter TAKEN_AT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    // Strict where leniency would let a damaged or hand-edited body through as a different value; unknown
    // members are ignored so that a later writer may add optional ones without a new version.
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
                    DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    public Snapshot {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(body, "body");
        if (key.kind() != body.kind()) {
            throw new IllegalArgumentException("A " + body.kind() + " body cannot be stored under the " + key.kind() + " key " + key);
        }
    }

    /** The envelope as stored: the same snapshot always encodes to the same bytes. */
    public byte[] encode() {
        JsonNode bodyNode = JSON.valueToTree(body);
        ObjectNode envelope = JsonNodeFactory.instance.objectNode()
                .put("format", FORMAT)
                .put("version", VERSION)
                .put("kind", key.kind().name())
                .put("cluster", key.cluster())
                .put("takenAt", TAKEN_AT.format(key.takenAt()))
                .put("writer", key.writerId())
                .put("sha256", CanonicalJson.sha256(bodyNode))
                .set("body", bodyNode);
        // The envelope keeps the member order above, for a person reading the file; each value is canonical.
        StringBuilder out = new StringBuilder("{");
        envelope.properties().forEach(member -> {
            if (out.length() > 1) {
                out.append(',');
            }
            CanonicalJson.append(out, JsonNodeFactory.instance.textNode(member.getKey()));
            out.append(':');
            CanonicalJson.append(out, member.getValue());
        });
        return out.append("}\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads the snapshot stored under {@code key} from its {@code bytes}, verifying it completely.
     *
     * @throws SnapshotFormatException naming the key and what is wrong
     */
    public static <B extends SnapshotBody> Snapshot<B> decode(SnapshotKey key, SnapshotKind<B> kind, byte[] bytes) {
        if (key.kind() != kind) {
            throw new IllegalArgumentException("The key " + key + " is not of a " + kind + " snapshot");
        }
        JsonNode envelope = parse(key, bytes);
        String format = envelope.path("format").asText(null);
        if (!FORMAT.equals(format)) {
            throw new SnapshotFormatException(key.value(), "is not a kaf-mirror snapshot: its format is "
                    + (format == null ? "missing" : "'" + format + "'") + ", not '" + FORMAT + "'");
        }
        JsonNode version = envelope.path("version");
        if (!version.isInt() || version.intValue() < 1) {
            throw new SnapshotFormatException(key.value(), "has no valid format version: " + version);
        }
        if (version.intValue() > VERSION) {
            throw new SnapshotFormatException(key.value(), "has format version " + version.intValue()
                    + ", newer than this kaf-mirror reads (up to " + VERSION + "): upgrade kaf-mirror to read it");
        }
        String storedKind = envelope.path("kind").asText(null);
        if (!kind.name().equals(storedKind)) {
            throw new SnapshotFormatException(key.value(), "holds a '" + storedKind + "' snapshot where a '" + kind
                    + "' snapshot belongs");
        }
        JsonNode body = envelope.path("body");
        if (!body.isObject()) {
            throw new SnapshotFormatException(key.value(), "has no body object");
        }
        verifyHash(key, envelope.path("sha256").asText(null), body);
        verifyHeader(key, envelope);
        try {
            return new Snapshot<>(key, JSON.treeToValue(body, kind.bodyType()));
        } catch (JsonMappingException e) {
            throw new SnapshotFormatException(key.value(), "has a malformed body at " + path(e) + ": " + e.getOriginalMessage(), e);
        } catch (JacksonException e) {
            throw new SnapshotFormatException(key.value(), "has a malformed body: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode parse(SnapshotKey key, byte[] bytes) {
        try {
            JsonNode envelope = JSON.readTree(bytes);
            if (envelope == null || !envelope.isObject()) {
                throw new SnapshotFormatException(key.value(), "is not a JSON object (" + bytes.length + " bytes)");
            }
            return envelope;
        } catch (IOException e) {
            throw new SnapshotFormatException(key.value(), "is not complete, valid JSON (truncated or damaged, "
                    + bytes.length + " bytes): " + e.getMessage(), e);
        }
    }

    private static void verifyHash(SnapshotKey key, String recorded, JsonNode body) {
        String computed;
        try {
            computed = CanonicalJson.sha256(body);
        } catch (IllegalArgumentException e) {
            throw new SnapshotFormatException(key.value(), "has a body outside the canonical form: " + e.getMessage(), e);
        }
        if (!computed.equals(recorded)) {
            throw new SnapshotFormatException(key.value(), "is damaged: its body hashes to SHA-256 " + computed
                    + " but the envelope records " + recorded);
        }
    }

    private static void verifyHeader(SnapshotKey key, JsonNode envelope) {
        String cluster = envelope.path("cluster").asText(null);
        String writer = envelope.path("writer").asText(null);
        String takenAt = envelope.path("takenAt").asText(null);
        if (!key.cluster().equals(cluster) || !key.writerId().equals(writer) || !TAKEN_AT.format(key.takenAt()).equals(takenAt)) {
            throw new SnapshotFormatException(key.value(), "says it was taken of cluster '" + cluster + "' at " + takenAt
                    + " by writer '" + writer + "', which does not match its key: it was stored or copied under the wrong key");
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder("body");
        for (JsonMappingException.Reference ref : e.getPath()) {
            path.append(ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]");
        }
        return path.toString();
    }
}
