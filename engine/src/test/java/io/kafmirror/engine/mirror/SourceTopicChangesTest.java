package io.kafmirror.engine.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.SourceProducer;
import io.kafmirror.engine.testkit.SourceRecords;
import io.kafmirror.engine.testkit.StoredRecords;
import io.kafmirror.kfs.catalog.CatalogEntry;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.format.KfsRecord;
import io.kafmirror.kfs.store.LocalSegmentStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Topics come, grow, go and come back on a live source; each change is followed and recorded, nothing stored is lost. */
class SourceTopicChangesTest {

    @TempDir
    Path dir;

    private final KafkaTestBroker broker = KafkaTestBroker.shared();

    @Test
    void newTopicsAndPartitionsArePickedUpAndDeletedOrRecreatedTopicsKeepTheirBackup() throws Exception {
        broker.createTopic("changes.a", 2, Map.of());
        try (SegmentCatalog catalog = SegmentCatalog.open(dir.resolve("catalog"));
             LocalSegmentStore store = new LocalSegmentStore(dir.resolve("store"));
             SourceProducer producer = SourceProducer.to(broker.bootstrap());
             Admin admin = broker.admin()) {
            SegmentArchive archive = new SegmentArchive(store, catalog);
            MirrorSettings settings = MirrorSettings.defaults("changes", "prod", t -> t.startsWith("changes."))
                    .withFlush(64 * 1024, Duration.ofMillis(100)).withTopicRefresh(Duration.ofMillis(300));
            try (RunningMirror mirror = new RunningMirror(settings, broker.bootstrap(), archive)) {
                produce(producer, "changes.a", 2, "first");
                mirror.awaitStored("changes.a", 20);

                broker.createTopic("changes.b", 1, Map.of());
                produce(producer, "changes.b", 1, "old generation");
                assertThat(mirror.awaitEvent(MirrorEvent.Type.TOPIC_ADDED).topic()).isEqualTo("changes.b");
                mirror.awaitStored("changes.b", 10);

                admin.createPartitions(Map.of("changes.a", NewPartitions.increaseTo(3))).all().get();
                produce(producer, "changes.a", 3, "after growth");
                assertThat(mirror.awaitEvent(MirrorEvent.Type.PARTITIONS_ADDED).message()).contains("2 to 3");
                mirror.awaitStored("changes.a", 50);
                assertThat(StoredRecords.of(archive, "prod", "changes.a"))
                        .isEqualTo(SourceRecords.of(broker.bootstrap(), "changes.a"));

                Map<Integer, List<KfsRecord>> oldGeneration = SourceRecords.of(broker.bootstrap(), "changes.b");
                UUID oldId = catalog.segments("prod", "changes.b").get(0).topicId();
                admin.deleteTopics(List.of("changes.b")).all().get();
                assertThat(mirror.awaitEvent(MirrorEvent.Type.TOPIC_DELETED).message())
                        .contains("changes.b").contains("kept intact");
                assertThat(StoredRecords.of(archive, "prod", "changes.b")).isEqualTo(oldGeneration);

                recreate("changes.b");
                produce(producer, "changes.b", 1, "new generation");
                assertThat(mirror.awaitEvent(MirrorEvent.Type.TOPIC_RECREATED).message()).contains(oldId.toString());
                mirror.awaitStored("changes.b", 20);
                UUID newId = catalog.segments("prod", "changes.b").stream().map(CatalogEntry::topicId)
                        .filter(id -> !id.equals(oldId)).findFirst().orElseThrow();
                assertThat(StoredRecords.of(archive, "prod", "changes.b", oldId)).isEqualTo(oldGeneration);
                assertThat(StoredRecords.of(archive, "prod", "changes.b", newId))
                        .isEqualTo(SourceRecords.of(broker.bootstrap(), "changes.b"));
            }
        }
    }

    @Test
    void recordsDeletedOnTheSourceBeforeTheyWereStoredAreReportedAsAGap() throws Exception {
        String topic = "gaps.retention";
        broker.createTopic(topic, 1, Map.of());
        try (SegmentCatalog catalog = SegmentCatalog.open(dir.resolve("catalog"));
             LocalSegmentStore store = new LocalSegmentStore(dir.resolve("store"));
             SourceProducer producer = SourceProducer.to(broker.bootstrap());
             Admin admin = broker.admin()) {
            SegmentArchive archive = new SegmentArchive(store, catalog);
            MirrorSettings settings = MirrorSettings.defaults("gap", "prod", t -> t.equals(topic))
                    .withFlush(64 * 1024, Duration.ofMillis(100));
            try (RunningMirror mirror = new RunningMirror(settings, broker.bootstrap(), archive)) {
                produce(producer, topic, 1, "stored");
                mirror.awaitStored(topic, 10);
            }
            // While the mirror is down, retention (here: deleting records) takes offsets 10 to 14 away.
            produce(producer, topic, 1, "written while down");
            admin.deleteRecords(Map.of(new TopicPartition(topic, 0), RecordsToDelete.beforeOffset(15))).all().get();

            try (RunningMirror mirror = new RunningMirror(settings, broker.bootstrap(), archive)) {
                MirrorEvent gap = mirror.awaitEvent(MirrorEvent.Type.GAP);
                assertThat(gap.partition()).isZero();
                assertThat(gap.message()).contains("Offsets 10 to 14").contains("gap of 5 offsets");
                mirror.awaitStored(topic, 15);
            }
            assertThat(StoredRecords.of(archive, "prod", topic).get(0)).extracting(KfsRecord::offset)
                    .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 15L, 16L, 17L, 18L, 19L);
        }
    }

    @Test
    void aTopicRecreatedBetweenRefreshesIsANewGenerationNotAGap() throws Exception {
        String topic = "regen.orders";
        broker.createTopic(topic, 1, Map.of());
        try (SegmentCatalog catalog = SegmentCatalog.open(dir.resolve("catalog"));
             LocalSegmentStore store = new LocalSegmentStore(dir.resolve("store"));
             SourceProducer producer = SourceProducer.to(broker.bootstrap());
             Admin admin = broker.admin()) {
            SegmentArchive archive = new SegmentArchive(store, catalog);
            // No periodic refresh during the test: only the fetch position falling out of range can notice.
            MirrorSettings settings = MirrorSettings.defaults("regen", "prod", t -> t.equals(topic))
                    .withFlush(64 * 1024, Duration.ofMillis(100)).withTopicRefresh(Duration.ofHours(1));
            try (RunningMirror mirror = new RunningMirror(settings, broker.bootstrap(), archive)) {
                produce(producer, topic, 1, "old generation");
                mirror.awaitStored(topic, 10);
                admin.deleteTopics(List.of(topic)).all().get();
                recreate(topic);
                for (int i = 0; i < 3; i++) {
                    producer.send(topic, 0, "k" + i, "new generation " + i);
                }
                producer.confirm();

                mirror.awaitEvent(MirrorEvent.Type.TOPIC_RECREATED);
                mirror.awaitStored(topic, 13);
                assertThat(mirror.reported.eventTypes()).doesNotContain(MirrorEvent.Type.GAP);
            }
            UUID newId = SourceTopics.uuid(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).topicId());
            assertThat(StoredRecords.of(archive, "prod", topic, newId).get(0)).extracting(r -> new String(r.value()))
                    .containsExactly("new generation 0", "new generation 1", "new generation 2");
        }
    }

    private static void produce(SourceProducer producer, String topic, int partitions, String what) {
        for (int i = 0; i < 10 * partitions; i++) {
            producer.send(topic, i % partitions, "k" + i, what + " " + i);
        }
        producer.confirm();
    }

    /** Creates the topic again once the broker has finished deleting it. */
    private void recreate(String topic) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                broker.createTopic(topic, 1, Map.of());
                return;
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof TopicExistsException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }
}
