package io.kafmirror.engine.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.config.StoredBatches;
import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.SourceProducer;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.store.LocalSegmentStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Lag counts what the source holds and the store not yet, seconds after it was produced, with either reader. */
class SourceLagTest {

    @TempDir
    Path dir;

    private final KafkaTestBroker broker = KafkaTestBroker.shared();

    @ParameterizedTest
    @EnumSource(StoredBatches.class)
    void recordsReadButNotYetStoredCountAsLagWithinSeconds(StoredBatches batches) {
        String topic = "lag." + batches.name().toLowerCase(Locale.ROOT);
        broker.createTopic(topic, 1, Map.of());
        // Nothing is sealed while the test runs: every record read stays lag.
        MirrorSettings settings = MirrorSettings.defaults("lag", "prod", topic::equals)
                .withFlush(64L << 20, Duration.ofMinutes(10)).withBatches(batches);
        try (SegmentCatalog catalog = SegmentCatalog.open(dir.resolve("catalog"));
             LocalSegmentStore store = new LocalSegmentStore(dir.resolve("store"));
             RunningMirror mirror = new RunningMirror(settings, broker.bootstrap(), new SegmentArchive(store, catalog))) {
            mirror.await(() -> lag(mirror).isPresent(), () -> "the first end offsets of " + topic);
            try (SourceProducer producer = SourceProducer.to(broker.bootstrap())) {
                for (int i = 0; i < 500; i++) {
                    producer.send(topic, 0, "k" + i, "v" + i);
                }
                producer.confirm();
            }
            long produced = System.nanoTime();

            mirror.await(() -> lag(mirror).orElse(0L) == 500, () -> "a lag of 500 records, is " + lag(mirror));
            // The end offsets asked for every 5 s would show it only at the next ask; the reads show it at once.
            assertThat(Duration.ofNanos(System.nanoTime() - produced)).isLessThan(Duration.ofSeconds(3));
        }
    }

    private static Optional<Long> lag(RunningMirror mirror) {
        return mirror.task().progress().sample(Instant.now()).stream().findFirst()
                .map(PartitionProgress::lagRecords).filter(lag -> lag >= 0);
    }
}
