package io.kafmirror.engine.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.testkit.ChildJvm;
import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.SourceProducer;
import io.kafmirror.engine.testkit.SourceRecords;
import io.kafmirror.engine.testkit.StoredRecords;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.format.KfsRecord;
import io.kafmirror.kfs.store.LocalSegmentStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGKILL at any moment, then a restart: the stored log equals the source log, without a gap or a duplicate. */
class CrashRestartTest {

    @TempDir
    Path dir;

    private final KafkaTestBroker broker = KafkaTestBroker.shared();

    @Test
    void killedMidStreamAndRestartedTheBackupHasEveryRecordExactlyOnce() throws Exception {
        String topic = "crash.orders";
        broker.createTopic(topic, 3, Map.of());
        AtomicBoolean producing = new AtomicBoolean(true);
        Thread load = new Thread(() -> produceUntilStopped(topic, producing), "steady-load");
        load.start();
        Random random = new Random(7);
        try {
            for (int kill = 0; kill < 4; kill++) {
                try (ChildJvm mirror = ChildJvm.start(MirrorProcess.class, broker.bootstrap(), dir.resolve("data").toString(),
                        "crash.")) {
                    assertThat(mirror.firstLine()).as("first line of the mirror process").isEqualTo("mirroring");
                    long before = segmentFiles();
                    awaitMoreSegments(before + 3 + random.nextInt(10), mirror);
                    Thread.sleep(random.nextInt(300));
                    assertThat(mirror.kill()).as("exit status of a SIGKILLed JVM").isEqualTo(137);
                }
            }
        } finally {
            producing.set(false);
            load.join();
        }
        Map<Integer, List<KfsRecord>> source = SourceRecords.of(broker.bootstrap(), topic);
        long total = source.values().stream().mapToLong(List::size).sum();

        try (SegmentCatalog catalog = SegmentCatalog.open(dir.resolve("data").resolve("catalog"));
             LocalSegmentStore store = new LocalSegmentStore(dir.resolve("data").resolve("store"))) {
            SegmentArchive archive = new SegmentArchive(store, catalog);
            MirrorSettings settings = MirrorSettings.defaults("crash", "prod", t -> t.startsWith("crash."))
                    .withFlush(16 * 1024, Duration.ofMillis(50));
            try (RunningMirror mirror = new RunningMirror(settings, broker.bootstrap(), archive)) {
                mirror.awaitStored(topic, total);
            }
            Map<Integer, List<KfsRecord>> stored = StoredRecords.of(archive, "prod", topic);
            for (int p = 0; p < 3; p++) {
                assertThat(stored.get(p)).as("partition " + p).containsExactlyElementsOf(source.get(p));
            }
            assertThat(StoredRecords.count(archive, "prod", topic)).isEqualTo(total);
        }
    }

    private void produceUntilStopped(String topic, AtomicBoolean producing) {
        // Compressed, so the mirror stores the source's batches as they are and restarts inside them.
        try (SourceProducer producer = SourceProducer.compressed(broker.bootstrap(), "lz4")) {
            for (int i = 0; producing.get(); i++) {
                producer.send(topic, i % 3, "order-" + i, "{\"order\":" + i + ",\"amount\":" + (i * 7 % 1000) + "}");
                if (i % 50 == 49) {
                    producer.confirm();
                    Thread.sleep(5);
                }
            }
            producer.confirm();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitMoreSegments(long count, ChildJvm mirror) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (segmentFiles() < count) {
            assertThat(mirror.isAlive()).as("mirror process alive").isTrue();
            assertThat(System.nanoTime()).as("time waiting for %d segments", count).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private long segmentFiles() {
        Path store = dir.resolve("data").resolve("store");
        if (!Files.exists(store)) {
            return 0;
        }
        while (true) {
            try (Stream<Path> files = Files.walk(store)) {
                return files.filter(f -> f.toString().endsWith(".kfs")).count();
            } catch (IOException | UncheckedIOException e) {
                // The mirror renames its temporary files while we walk; look again.
            }
        }
    }
}
