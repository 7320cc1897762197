package io.kafmirror.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.config.TopicSelection;
import io.kafmirror.engine.mirror.MirrorEvent;
import io.kafmirror.engine.state.HistoryEntry;
import io.kafmirror.engine.state.HistoryFilter;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.SourceProducer;
import io.kafmirror.kfs.store.LocalSegmentStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention and consumer-group changes made on a real broker are recorded in the job's history by the snapshot
 * rounds that see them, once, and a round with nothing changed records nothing. The rounds are taken one by one
 * ({@link JobSnapshots#takeIfDue} with a 10 ms interval), as the runner's snapshot thread takes them.
 */
class ControlPlaneChangesTest {

    private static final Duration INTERVAL = Duration.ofMillis(10);
    private static final String SEVEN_DAYS = "604800000";

    private final KafkaTestBroker broker = KafkaTestBroker.shared();

    @TempDir
    Path dir;
    private StateDatabase state;
    private LocalSegmentStore store;
    private Admin admin;

    @BeforeEach
    void open() {
        state = StateDatabase.open(dir.resolve("data"), "test");
        store = new LocalSegmentStore(dir.resolve("store"));
        admin = broker.admin();
    }

    @AfterEach
    void close() {
        admin.close();
        store.close();
        state.close();
    }

    @Test
    void retentionLoweredIsRecordedOnceAndRaisingItIsInformational() throws Exception {
        broker.createTopic("cp-retention.orders", 2, Map.of("retention.ms", SEVEN_DAYS));
        try (JobSnapshots rounds = rounds("cp-retention\\.orders")) {
            round(rounds);
            round(rounds);
            assertThat(events()).as("the first round sets the baseline; a steady round changes nothing").isEmpty();

            setConfig("cp-retention.orders", "retention.ms", "3600000");
            Instant before = Instant.now();
            round(rounds);
            Instant after = Instant.now();
            round(rounds);

            assertThat(events()).singleElement().satisfies(e -> {
                assertThat(e.type()).isEqualTo(MirrorEvent.Type.RETENTION_LOWERED.name());
                assertThat(e.topic()).isEqualTo("cp-retention.orders");
                assertThat(e.at()).isBetween(before.minusMillis(1), after);
                assertThat(e.message()).startsWith("cp-retention.orders: retention.ms lowered from 7 days to 1 hour at " + e.at()
                        + " — the source will delete records older than 1 hour; the backup keeps them.");
            });

            setConfig("cp-retention.orders", "retention.ms", "7200000");
            round(rounds);

            assertThat(events()).extracting(HistoryEntry::type).containsExactly(
                    MirrorEvent.Type.TOPIC_CONFIG_CHANGED.name(), MirrorEvent.Type.RETENTION_LOWERED.name());
            assertThat(events().get(0).message()).startsWith("cp-retention.orders: retention.ms raised from 1 hour to 2 hours at ");
        }
    }

    @Test
    void groupOffsetsDeletedOrResetBackwardsAreRecordedNamingGroupTopicAndPartitions() throws Exception {
        broker.createTopic("cp-groups.payments", 3, Map.of());
        try (SourceProducer producer = SourceProducer.to(broker.bootstrap())) {
            for (int i = 0; i < 60; i++) {
                producer.send("cp-groups.payments", i % 3, "k" + i, "v" + i);
            }
            producer.confirm();
        }
        commit("cp-billing", Map.of(0, 12L, 1, 9L, 2, 20L));
        commit("cp-reporting", Map.of(0, 8L, 1, 8L, 2, 8L));
        try (JobSnapshots rounds = rounds("cp-groups\\..*")) {
            round(rounds);
            commit("cp-reporting", Map.of(1, 15L));
            round(rounds);
            assertThat(events()).as("offsets moving on are no change").isEmpty();

            commit("cp-reporting", Map.of(0, 2L));
            round(rounds);
            assertThat(events()).singleElement().satisfies(e -> {
                assertThat(e.type()).isEqualTo(MirrorEvent.Type.GROUP_OFFSETS_RESET.name());
                assertThat(e.topic()).isEqualTo("cp-groups.payments");
                assertThat(e.message()).startsWith("group cp-reporting: committed offsets of cp-groups.payments reset backwards"
                        + " (partition 0 from 8 to 2) at " + e.at());
            });

            admin.deleteConsumerGroupOffsets("cp-billing", Set.of(partition(0), partition(1), partition(2))).all().get();
            round(rounds);
            assertThat(events()).hasSize(2).first().satisfies(e -> {
                assertThat(e.type()).isEqualTo(MirrorEvent.Type.GROUP_OFFSETS_DELETED.name());
                assertThat(e.topic()).isEqualTo("cp-groups.payments");
                assertThat(e.message()).startsWith("group cp-billing: committed offsets of cp-groups.payments deleted"
                        + " (partitions 0–2; last committed 12, 9, 20) at " + e.at());
            });
        }
    }

    @Test
    void aRestartedJobComparesItsFirstRoundWithTheLastStoredSnapshot() throws Exception {
        broker.createTopic("cp-restart.orders", 1, Map.of("retention.bytes", "-1"));
        try (JobSnapshots rounds = rounds("cp-restart\\.orders")) {
            round(rounds);
        }
        setConfig("cp-restart.orders", "retention.bytes", "1073741824");

        try (JobSnapshots restarted = rounds("cp-restart\\.orders")) {
            round(restarted);
        }

        assertThat(events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(MirrorEvent.Type.RETENTION_LOWERED.name());
            assertThat(e.message()).startsWith("cp-restart.orders: retention.bytes lowered from unlimited to 1 GiB at ");
        });
    }

    private JobSnapshots rounds(String topics) {
        JobConfig config = new JobConfig("prod", "local", TopicSelection.parse(topics, ""), null, null, null, null, null, null,
                INTERVAL, null, null);
        return new JobSnapshots("orders", config, broker.client(), store, state.history().listener("orders"), Clock.systemUTC());
    }

    /** Takes one round: the interval has passed since the previous one. */
    private static void round(JobSnapshots rounds) throws InterruptedException {
        Thread.sleep(INTERVAL.toMillis() * 2);
        rounds.takeIfDue();
    }

    /** The job's control-plane events, newest first. */
    private List<HistoryEntry> events() {
        return state.history().query(HistoryFilter.of("orders").types(MirrorEvent.Type.RETENTION_LOWERED,
                MirrorEvent.Type.TOPIC_CONFIG_CHANGED, MirrorEvent.Type.GROUP_OFFSETS_DELETED, MirrorEvent.Type.GROUP_OFFSETS_RESET));
    }

    /** Sets {@code key} of {@code topic} and waits until the broker describes the new value, as a snapshot would read it. */
    private void setConfig(String topic, String key, String value) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(new ConfigEntry(key, value),
                AlterConfigOp.OpType.SET)))).all().get();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!value.equals(admin.describeConfigs(List.of(resource)).all().get().get(resource).get(key).value())) {
            assertThat(System.nanoTime()).as("time for the broker to describe " + key + "=" + value).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** Commits {@code offsets} by partition of cp-groups.payments for {@code group}, which has no members. */
    private void commit(String group, Map<Integer, Long> offsets) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
        offsets.forEach((p, offset) -> committed.put(partition(p), new OffsetAndMetadata(offset)));
        admin.alterConsumerGroupOffsets(group, committed).all().get();
    }

    private static TopicPartition partition(int p) {
        return new TopicPartition("cp-groups.payments", p);
    }
}
