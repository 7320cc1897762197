package io.kafmirror.engine.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.testkit.GroupMembers;
import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.SourceProducer;
import io.kafmirror.kfs.store.LocalSegmentStore;
import io.kafmirror.kfs.store.ObjectRetention;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots of a real broker's topics and consumer groups, stored in a real local store and read back. */
class SnapshotTakerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration INTERVAL = Duration.ofMinutes(5);
    private static final Instant T = Instant.parse("2026-11-25T09:00:00Z");

    private final KafkaTestBroker broker = KafkaTestBroker.shared();

    @TempDir
    Path root;
    LocalSegmentStore store;
    Admin admin;

    @BeforeEach
    void open() {
        store = new LocalSegmentStore(root);
        admin = broker.admin();
    }

    @AfterEach
    void close() {
        admin.close();
        store.close();
    }

    @Test
    void storesTheMirroredTopicsAndTheGroupOffsetsOnThemExactly() throws Exception {
        broker.createTopic("snap.orders", 3, Map.of("cleanup.policy", "compact", "retention.ms", "86400000"));
        broker.createTopic("snap.payments", 1, Map.of());
        broker.createTopic("audit.log", 1, Map.of());
        try (SourceProducer producer = SourceProducer.to(broker.bootstrap())) {
            for (int i = 0; i < 10; i++) {
                producer.send("snap.orders", i % 3, "k" + i, "v" + i);
                producer.send("snap.payments", 0, "k" + i, "v" + i);
                producer.send("audit.log", 0, "k" + i, "v" + i);
            }
            producer.confirm();
        }
        commit("snap-reporting", Map.of(new TopicPartition("snap.payments", 0), new OffsetAndMetadata(7),
                new TopicPartition("audit.log", 0), new OffsetAndMetadata(9)));
        commit("snap-auditor", Map.of(new TopicPartition("audit.log", 0), new OffsetAndMetadata(5)));

        SnapshotOutcome outcome;
        try (KafkaConsumer<byte[], byte[]> billing = runningConsumer("snap-billing", "snap.orders")) {
            billing.commitSync(Map.of(new TopicPartition("snap.orders", 0), new OffsetAndMetadata(3, Optional.of(0), "checkpoint"),
                    new TopicPartition("snap.orders", 2), new OffsetAndMetadata(2)));
            outcome = taker("w1", Clock.systemUTC(), topic -> topic.startsWith("snap.")).take();
        }

        assertThat(outcome.complete()).as("problems: %s", outcome.problems()).isTrue();
        SnapshotHistory history = new SnapshotHistory(store, "prod");
        SnapshotReader reader = new SnapshotReader(store);
        assertThat(outcome.stored()).containsExactly(history.list(SnapshotKind.TOPICS).get(0),
                history.list(SnapshotKind.GROUP_OFFSETS).get(0));
        TopicsSnapshot topics = reader.read(history.latestAtOrBefore(SnapshotKind.TOPICS, outcome.finishedAt()).orElseThrow(),
                SnapshotKind.TOPICS).body();
        GroupOffsetsSnapshot groups = reader.read(history.latestAtOrBefore(SnapshotKind.GROUP_OFFSETS,
                outcome.finishedAt()).orElseThrow(), SnapshotKind.GROUP_OFFSETS).body();

        assertThat(topics).isEqualTo(new TopicsSnapshot(List.of(
                new TopicMetadata("snap.orders", topicId("snap.orders"), 3, 1, withInherited(Map.of(
                        "cleanup.policy", new TopicConfig("compact", "DYNAMIC_TOPIC_CONFIG"),
                        "retention.ms", new TopicConfig("86400000", "DYNAMIC_TOPIC_CONFIG")))),
                new TopicMetadata("snap.payments", topicId("snap.payments"), 1, 1, withInherited(Map.of())))));
        assertThat(groups).isEqualTo(new GroupOffsetsSnapshot(List.of(
                new GroupOffsets("snap-billing", "Stable", List.of(
                        new CommittedOffset("snap.orders", 0, 3, 0, "checkpoint"),
                        new CommittedOffset("snap.orders", 2, 2, null, ""))),
                new GroupOffsets("snap-reporting", "Empty", List.of(
                        new CommittedOffset("snap.payments", 0, 7, null, ""))))));
    }

    @Test
    void aRestartedJobWaitsOutTheIntervalFromTheLastStoredSnapshot() {
        broker.createTopic("snap-restart.orders", 1, Map.of());
        Predicate<String> mirrored = topic -> topic.startsWith("snap-restart.");
        SnapshotSchedule first = SnapshotSchedule.resume(new SnapshotHistory(store, "prod"), INTERVAL, T);
        assertThat(first.isDue(T)).as("nothing stored yet").isTrue();

        first.taken(taker("w1", Clock.fixed(T, ZoneOffset.UTC), mirrored).take().finishedAt());
        assertThat(first.isDue(T.plus(INTERVAL).minusMillis(1))).isFalse();

        // Another process, as after a restart: a new writer id, and nothing but the store to go by.
        Instant restartedAt = T.plus(Duration.ofMinutes(2));
        SnapshotSchedule restarted = SnapshotSchedule.resume(new SnapshotHistory(store, "prod"), INTERVAL, restartedAt);
        assertThat(restarted.isDue(restartedAt)).isFalse();
        assertThat(restarted.dueIn(restartedAt)).isEqualTo(Duration.ofMinutes(3));
        assertThat(restarted.isDue(T.plus(INTERVAL))).isTrue();
    }

    @Test
    void refusedCredentialsStoreNothingAndSayWhatToCheckInsteadOfFailing() {
        Properties refused = broker.scramClient("not-the-password");
        SnapshotOutcome outcome;
        try (Admin refusing = Admin.create(refused)) {
            outcome = new SnapshotTaker(refusing, topic -> true, writer("w1"), TIMEOUT, Clock.systemUTC()).take();
        }

        assertThat(outcome.stored()).isEmpty();
        assertThat(outcome.problems()).extracting(SnapshotOutcome.Problem::kind)
                .containsExactly(SnapshotKind.TOPICS, SnapshotKind.GROUP_OFFSETS);
        assertThat(outcome.problems()).extracting(SnapshotOutcome.Problem::message)
                .allSatisfy(message -> assertThat(message).contains("was taken this time")
                        .contains("rejected our credentials").contains("Check the user name, password and SASL mechanism")
                        .doesNotContain("not-the-password"));
        assertThat(store.list("").count()).isZero();
    }

    /**
     * {@code own} configs of a topic on the test broker, with those always kept that it inherits: Kafka's defaults,
     * the broker's {@code log.segment.bytes} and the cluster-wide {@code min.insync.replicas} that KRaft sets.
     */
    private static Map<String, TopicConfig> withInherited(Map<String, TopicConfig> own) {
        Map<String, TopicConfig> configs = new HashMap<>(Map.of(
                "cleanup.policy", new TopicConfig("delete", "DEFAULT_CONFIG"),
                "retention.ms", new TopicConfig("604800000", "DEFAULT_CONFIG"),
                "retention.bytes", new TopicConfig("-1", "DEFAULT_CONFIG"),
                "segment.bytes", new TopicConfig("1048576", "STATIC_BROKER_CONFIG"),
                "min.insync.replicas", new TopicConfig("1", "DYNAMIC_DEFAULT_BROKER_CONFIG"),
                "max.message.bytes", new TopicConfig("1048588", "DEFAULT_CONFIG"),
                "message.timestamp.type", new TopicConfig("CreateTime", "DEFAULT_CONFIG"),
                "compression.type", new TopicConfig("producer", "DEFAULT_CONFIG")));
        configs.putAll(own);
        return configs;
    }

    private SnapshotTaker taker(String writerId, Clock clock, Predicate<String> mirrored) {
        return new SnapshotTaker(admin, mirrored, writer(writerId), TIMEOUT, clock);
    }

    private SnapshotWriter writer(String writerId) {
        return new SnapshotWriter(store, "prod", writerId, at -> ObjectRetention.NONE);
    }

    private UUID topicId(String topic) throws Exception {
        var id = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).topicId();
        return new UUID(id.getMostSignificantBits(), id.getLeastSignificantBits());
    }

    /** Commits {@code offsets} for {@code group} as a tool would, leaving the group empty. */
    private void commit(String group, Map<TopicPartition, OffsetAndMetadata> offsets) throws Exception {
        admin.alterConsumerGroupOffsets(group, offsets).all().get();
    }

    /** A member of {@code group} (new consumer protocol) that owns all of {@code topic}, with the group stable. */
    private KafkaConsumer<byte[], byte[]> runningConsumer(String group, String topic) throws Exception {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return GroupMembers.stable(admin, new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                topic, group, TIMEOUT);
    }
}
