package io.kafmirror.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.config.ConfigLoader;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.SourceProducer;
import io.kafmirror.engine.testkit.SourceRecords;
import io.kafmirror.engine.testkit.StoredRecords;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.format.KfsRecord;
import io.kafmirror.kfs.store.S3MockServer;
import io.kafmirror.kfs.store.S3StoreConfig;
import io.kafmirror.kfs.store.SegmentStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job configured in YAML that backs up into an S3 bucket (the S3Mock server), with its credentials
 * given through environment variables; the workstation then loses its data folder, and the next run
 * continues from what the bucket holds: no record twice, none missing.
 */
class S3BackupTest {

    @TempDir
    Path dir;

    private final KafkaTestBroker broker = KafkaTestBroker.shared();
    private final S3MockServer s3 = S3MockServer.shared();

    @Test
    void aLostDataFolderIsRebuiltFromTheBucketAndTheBackupContinuesExactlyOnce() throws Exception {
        String topic = "s3.payments";
        broker.createTopic(topic, 3, Map.of());
        String bucket = s3.createBackupBucket("engine-s3-backup");
        S3StoreConfig server = s3.config(bucket);
        MirrorConfig config = new ConfigLoader(Map.of("S3_ACCESS_KEY", server.accessKey(), "S3_SECRET_KEY", server.secretKey()))
                .load(new ByteArrayInputStream("""
                        clusters:
                          prod:
                            brokers: "%s"
                        stores:
                          vault:
                            type: s3
                            bucket: %s
                            endpoint: %s
                            key_prefix: kaf-mirror
                            access_key: ${S3_ACCESS_KEY}
                            secret_key: ${S3_SECRET_KEY}
                        jobs:
                          payments:
                            source: prod
                            store: vault
                            topics: "s3\\\\..*"
                            flush: { max_bytes: 32KiB, max_linger: 200ms }
                        """.formatted(broker.bootstrap(), bucket, server.endpoint()).getBytes(StandardCharsets.UTF_8)),
                        "config.yml");
        Path data = dir.resolve("data");
        try (SourceProducer producer = SourceProducer.to(broker.bootstrap())) {
            produce(producer, topic, 0, 3_000);
            runUntilStored(config, data, topic, 3_000);

            deleteRecursively(data);
            produce(producer, topic, 3_000, 1_500);
            runUntilStored(config, data, topic, 4_500);
        }

        try (SegmentStore store = config.store("vault").open();
             SegmentCatalog catalog = SegmentCatalog.open(data.resolve("catalogs/vault"))) {
            Map<Integer, List<KfsRecord>> stored = StoredRecords.of(new SegmentArchive(store, catalog), "prod", topic);
            assertThat(stored).isEqualTo(SourceRecords.of(broker.bootstrap(), topic));
        }
    }

    /** One run of the declared jobs, like {@code kaf-mirror run}, until {@code topic} is stored up to {@code count} records. */
    private static void runUntilStored(MirrorConfig config, Path data, String topic, long count) throws InterruptedException {
        try (StateDatabase state = StateDatabase.open(data, "test");
             BackupRunner runner = new BackupRunner(config, state, data, Clock.systemUTC())) {
            DeclaredJobs.apply(config, state.jobs());
            runner.reconcile();
            await(() -> {
                runner.sample();
                return state.metrics().latest("payments").stream().filter(s -> s.topic().equals(topic))
                        .mapToLong(s -> s.storedOffset()).sum() == count;
            }, topic + " stored up to " + count + " records");
        }
    }

    private static void produce(SourceProducer producer, String topic, int from, int count) {
        for (int i = from; i < from + count; i++) {
            producer.send(topic, i % 3, "payment-" + i, "{\"amount\":" + i + "}");
        }
        producer.confirm();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("time waiting for " + what).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static void deleteRecursively(Path folder) throws Exception {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        assertThat(folder).doesNotExist();
    }
}
