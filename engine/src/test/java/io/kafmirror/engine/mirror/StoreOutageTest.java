package io.kafmirror.engine.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.SourceProducer;
import io.kafmirror.engine.testkit.SourceRecords;
import io.kafmirror.engine.testkit.StoredRecords;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.store.LocalSegmentStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store that fails for a while costs nothing but time: reading pauses within the memory bound, nothing is lost. */
class StoreOutageTest {

    private static final long BOUND = 2L << 20;

    @TempDir
    Path dir;

    private final KafkaTestBroker broker = KafkaTestBroker.shared();

    @Test
    void mirroringPausesWithinTheMemoryBoundAndResumesWhereItStoppedWhenTheStoreReturns() throws Exception {
        String topic = "payments.outage";
        broker.createTopic(topic, 2, Map.of("retention.ms", "-1"));
        Path root = dir.resolve("store");
        try (SegmentCatalog catalog = SegmentCatalog.open(dir.resolve("catalog"));
             LocalSegmentStore store = new LocalSegmentStore(root);
             SourceProducer producer = SourceProducer.to(broker.bootstrap())) {
            SegmentArchive archive = new SegmentArchive(store, catalog);
            MirrorSettings settings = MirrorSettings.defaults("outage", "prod", t -> t.equals(topic))
                    .withFlush(256 * 1024, Duration.ofMillis(200))
                    .withMaxBuffered(BOUND);
            try (RunningMirror mirror = new RunningMirror(settings, broker.bootstrap(), archive)) {
                int produced = produce(producer, topic, 200);
                mirror.awaitStored(topic, produced);

                // The store's folder is replaced by a file: every write fails, as on a full or unmounted disk.
                Path away = dir.resolve("away");
                Files.move(root, away);
                Files.writeString(root, "in the way");
                produced += produce(producer, topic, 12_000);
                mirror.awaitEvent(MirrorEvent.Type.STORE_ERROR);
                long pausedAt = StoredRecords.count(archive, "prod", topic);
                // Unbounded, the 12 MB produced would all be in memory well within these 3 s.
                AtomicLong mostHeld = new AtomicLong();
                for (int i = 0; i < 60; i++) {
                    mostHeld.accumulateAndGet(mirror.task().heldBytes(), Math::max);
                    Thread.sleep(50);
                }
                assertThat(mostHeld.get()).as("bytes held while the store is down").isPositive().isLessThanOrEqualTo(BOUND);
                assertThat(StoredRecords.count(archive, "prod", topic)).isEqualTo(pausedAt);

                Files.delete(root);
                Files.move(away, root);
                mirror.awaitStored(topic, produced);
                assertThat(mirror.reported.eventTypes())
                        .containsSubsequence(MirrorEvent.Type.STORE_ERROR, MirrorEvent.Type.STORE_RECOVERED);
                mirror.await(() -> mirror.task().progress().sample(Instant.now()).stream()
                        .allMatch(p -> p.lagRecords() == 0 && p.storedOffset() == p.sourceEndOffset()),
                        () -> "no lag left: " + mirror.task().progress().sample(Instant.now()));
            }
            assertThat(StoredRecords.of(archive, "prod", topic)).isEqualTo(SourceRecords.of(broker.bootstrap(), topic));
        }
    }

    private static int produce(SourceProducer producer, String topic, int count) {
        Random random = new Random(count);
        for (int i = 0; i < count; i++) {
            byte[] value = new byte[1_000];
            random.nextBytes(value);
            producer.send(new ProducerRecord<>(topic, i % 2, SourceProducer.utf8("k" + i), value));
        }
        return producer.confirm();
    }
}
