package io.kafmirror.engine.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.SourceProducer;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.store.LocalSegmentStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** By default the source sees no consumer group at all; on request, the stored offsets show as one. */
class SourceOffsetCommitTest {

    @TempDir
    Path dir;

    private final KafkaTestBroker broker = KafkaTestBroker.shared();

    @Test
    void storedOffsetsAreCommittedOnlyWhenTheJobAsks() throws Exception {
        String topic = "visible.orders";
        broker.createTopic(topic, 2, Map.of());
        try (SourceProducer producer = SourceProducer.to(broker.bootstrap())) {
            for (int i = 0; i < 30; i++) {
                producer.send(topic, i % 2, "k" + i, "v" + i);
            }
            producer.confirm();
        }
        try (SegmentCatalog catalog = SegmentCatalog.open(dir.resolve("catalog"));
             LocalSegmentStore store = new LocalSegmentStore(dir.resolve("store"));
             Admin admin = broker.admin()) {
            SegmentArchive archive = new SegmentArchive(store, catalog);
            MirrorSettings silent = MirrorSettings.defaults("silent", "prod", t -> t.equals(topic))
                    .withFlush(64 * 1024, Duration.ofMillis(100));
            try (RunningMirror mirror = new RunningMirror(silent, broker.bootstrap(), archive)) {
                mirror.awaitStored(topic, 30);
            }
            assertThat(admin.listConsumerGroups().all().get()).extracting(ConsumerGroupListing::groupId)
                    .doesNotContain("kaf-mirror-silent");

            MirrorSettings visible = MirrorSettings.defaults("visible", "prod", t -> t.equals(topic))
                    .withFlush(64 * 1024, Duration.ofMillis(100)).withCommitOffsets(true);
            try (RunningMirror mirror = new RunningMirror(visible, broker.bootstrap(), archive)) {
                mirror.await(() -> committed(admin).size() == 2, () -> "offsets committed: " + committed(admin));
            }
            assertThat(committed(admin)).containsEntry(new TopicPartition(topic, 0), 15L)
                    .containsEntry(new TopicPartition(topic, 1), 15L);
        }
    }

    private static Map<TopicPartition, Long> committed(Admin admin) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("kaf-mirror-visible")
                    .partitionsToOffsetAndMetadata().get();
            return offsets.entrySet().stream().filter(e -> e.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
