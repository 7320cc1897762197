package io.kafmirror.engine.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a reader accepts and what it refuses, with a message naming the key and the problem. */
class SnapshotEnvelopeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Snapshot<TopicsSnapshot> TOPICS = GoldenSnapshots.TOPICS;
    private static final SnapshotKey KEY = TOPICS.key();

    @Test
    void anyMemberOrderWhitespaceAndUnknownMembersAreAccepted() throws Exception {
        ObjectNode envelope = envelope(TOPICS);
        ObjectNode reordered = JSON.createObjectNode();
        reordered.set("body", envelope.get("body"));
        reordered.put("addedLater", "by a newer writer of the same version");
        envelope.properties().forEach(m -> reordered.putIfAbsent(m.getKey(), m.getValue()));
        ((ObjectNode) reordered.get("body").get("topics").get(0)).put("unknownField", 1);
        // The unknown body member changes the hash, so record the hash of the body as it now is.
        reordered.put("sha256", CanonicalJson.sha256(reordered.get("body")));
        byte[] pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(reordered);

        assertThat(Snapshot.decode(KEY, SnapshotKind.TOPICS, pretty)).isEqualTo(TOPICS);
    }

    @Test
    void aNewerVersionAsksForAnUpgrade() {
        ObjectNode envelope = envelope(TOPICS).put("version", 2);
        assertThatThrownBy(() -> decode(envelope))
                .isInstanceOf(SnapshotFormatException.class)
                .hasMessage("Snapshot " + KEY + " has format version 2, newer than this kaf-mirror reads (up to 1):"
                        + " upgrade kaf-mirror to read it");
    }

    @Test
    void aSnapshotOfAnotherKindIsRefused() {
        Snapshot<GroupOffsetsSnapshot> groups = GoldenSnapshots.GROUP_OFFSETS;
        byte[] groupBytes = groups.encode();
        SnapshotKey topicsKey = new SnapshotKey(KEY.cluster(), SnapshotKind.TOPICS, groups.key().takenAt(), KEY.writerId());
        assertThatThrownBy(() -> Snapshot.decode(topicsKey, SnapshotKind.TOPICS, groupBytes))
                .isInstanceOf(SnapshotFormatException.class)
                .hasMessage("Snapshot " + topicsKey + " holds a 'group-offsets' snapshot where a 'topics' snapshot belongs");
    }

    @Test
    void aSnapshotUnderAnotherKeyIsRefused() {
        SnapshotKey elsewhere = new SnapshotKey("prod-us", SnapshotKind.TOPICS, KEY.takenAt(), KEY.writerId());
        assertThatThrownBy(() -> Snapshot.decode(elsewhere, SnapshotKind.TOPICS, TOPICS.encode()))
                .isInstanceOf(SnapshotFormatException.class)
                .hasMessageContaining("says it was taken of cluster 'prod-eu' at 2026-11-25T09:13:07.120Z by writer 'host-a.1'")
                .hasMessageContaining("does not match its key");
    }

    @Test
    void aChangedValueIsReportedWithBothHashes() {
        String text = new String(TOPICS.encode(), StandardCharsets.UTF_8).replace("\"partitions\":12", "\"partitions\":13");
        assertThatThrownBy(() -> Snapshot.decode(KEY, SnapshotKind.TOPICS, text.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SnapshotFormatException.class)
                .hasMessageContaining("is damaged: its body hashes to SHA-256 ")
                .hasMessageContaining("but the envelope records 7cdd87e9");
    }

    @Test
    void aBodyMissingAFieldNamesTheField() {
        ObjectNode envelope = envelope(TOPICS);
        ((ObjectNode) envelope.get("body").get("topics").get(1)).remove("partitions");
        envelope.put("sha256", CanonicalJson.sha256(envelope.get("body")));
        assertThatThrownBy(() -> decode(envelope))
                .isInstanceOf(SnapshotFormatException.class)
                .hasMessageContaining("has a malformed body at body.topics[1]")
                .hasMessageContaining("'partitions'");
    }

    @Test
    void aNumberWrittenAsTextIsNotAccepted() {
        ObjectNode envelope = envelope(TOPICS);
        ((ObjectNode) envelope.get("body").get("topics").get(0)).put("partitions", "12");
        envelope.put("sha256", CanonicalJson.sha256(envelope.get("body")));
        assertThatThrownBy(() -> decode(envelope))
                .isInstanceOf(SnapshotFormatException.class)
                .hasMessageContaining("has a malformed body at body.topics[0].partitions");
    }

    @Test
    void otherJsonIsNotASnapshot() {
        assertThatThrownBy(() -> Snapshot.decode(KEY, SnapshotKind.TOPICS, "{\"hello\":1}".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("Snapshot " + KEY + " is not a kaf-mirror snapshot: its format is missing, not 'kaf-mirror-snapshot'");
        assertThatThrownBy(() -> Snapshot.decode(KEY, SnapshotKind.TOPICS, "[1]".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("is not a JSON object");
        assertThatThrownBy(() -> Snapshot.decode(KEY, SnapshotKind.TOPICS, new byte[0]))
                .hasMessageContaining("is not a JSON object (0 bytes)");
    }

    @Test
    void aBodyOfAnotherKindDoesNotFitTheKey() {
        assertThatThrownBy(() -> new Snapshot<>(KEY, new GroupOffsetsSnapshot(List.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalSnapshotsEncodeEquallyWhateverTheInputOrder() {
        TopicMetadata a = new TopicMetadata("a", UUID.randomUUID(), 1, 1, Map.of("x", new TopicConfig("1", "DEFAULT_CONFIG"),
                "w", new TopicConfig("2", "DYNAMIC_TOPIC_CONFIG")));
        TopicMetadata b = new TopicMetadata("b", UUID.randomUUID(), 2, 1, Map.of());
        Instant at = Instant.parse("2030-01-01T00:00:00Z");
        Snapshot<TopicsSnapshot> one = new Snapshot<>(new SnapshotKey("c", SnapshotKind.TOPICS, at, "w"), new TopicsSnapshot(List.of(a, b)));
        Snapshot<TopicsSnapshot> other = new Snapshot<>(new SnapshotKey("c", SnapshotKind.TOPICS, at, "w"), new TopicsSnapshot(List.of(b, a)));
        assertThat(one.encode()).isEqualTo(other.encode());
        assertThat(new String(one.encode(), StandardCharsets.UTF_8)).contains("\"takenAt\":\"2030-01-01T00:00:00.000Z\"");
    }

    private static ObjectNode envelope(Snapshot<?> snapshot) {
        try {
            return (ObjectNode) JSON.readTree(snapshot.encode());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Snapshot<TopicsSnapshot> decode(JsonNode envelope) throws Exception {
        return Snapshot.decode(KEY, SnapshotKind.TOPICS, JSON.writeValueAsBytes(envelope));
    }
}
