package io.kafmirror.engine.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The snapshots the golden vectors under {@code golden/snapshots/} decode to. */
final class GoldenSnapshots {

    static final Snapshot<TopicsSnapshot> TOPICS = new Snapshot<>(
            new SnapshotKey("prod-eu", SnapshotKind.TOPICS, Instant.parse("2026-11-25T09:13:07.120Z"), "host-a.1"),
            new TopicsSnapshot(List.of(
                    new TopicMetadata("payments", UUID.fromString("00000000-0000-0000-0000-000000000000"), 1, 1, Map.of(
                            "cleanup.policy", new TopicConfig("compact,delete", "DYNAMIC_TOPIC_CONFIG"),
                            "sasl.secret.example", new TopicConfig(null, "DYNAMIC_TOPIC_CONFIG"))),
                    new TopicMetadata("orders.v1", UUID.fromString("5f0c6b1e-3a8d-4c2b-9e71-0d4a2f6b8c93"), 12, 3, Map.of(
                            "cleanup.policy", new TopicConfig("delete", "DEFAULT_CONFIG"),
                            "retention.ms", new TopicConfig("604800000", "DYNAMIC_TOPIC_CONFIG"),
                            "min.insync.replicas", new TopicConfig("2", "STATIC_BROKER_CONFIG"),
                            "message.timestamp.type", new TopicConfig("LogAppendTime", "DYNAMIC_TOPIC_CONFIG"))))));

    static final Snapshot<GroupOffsetsSnapshot> GROUP_OFFSETS = new Snapshot<>(
            new SnapshotKey("prod-eu", SnapshotKind.GROUP_OFFSETS, Instant.parse("2026-11-25T09:13:07.121Z"), "host-a.1"),
            new GroupOffsetsSnapshot(List.of(
                    new GroupOffsets("grüße-λ", "Empty", List.of(
                            new CommittedOffset("orders.v1", 0, 9_007_199_254_740_993L, null, ""))),
                    new GroupOffsets("billing", "Stable", List.of(
                            new CommittedOffset("orders.v1", 11, 420, 7, "host=\"b\"\tline1\nline2\\ \u0001 🚀"),
                            new CommittedOffset("orders.v1", 2, 17, 7, ""),
                            new CommittedOffset("payments", 0, 0, null, "{\"json\":true}"))))));

    private GoldenSnapshots() {
    }

    /** The resource holding the golden vector of {@code snapshot}: its key's file name under its kind. */
    static String resource(Snapshot<?> snapshot) {
        String key = snapshot.key().value();
        return "/golden/snapshots/" + snapshot.key().kind().name() + "/" + key.substring(key.lastIndexOf('/') + 1);
    }
}
