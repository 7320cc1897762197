package io.kafmirror.engine.restore;

import static io.kafmirror.engine.testkit.SourceProducer.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.LocalArchive;
import io.kafmirror.engine.testkit.SegmentSabotage;
import io.kafmirror.engine.testkit.SourceProducer;
import io.kafmirror.engine.testkit.SourceRecords;
import io.kafmirror.engine.testkit.TestBackup;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.format.CorruptSegmentException;
import io.kafmirror.kfs.format.KfsRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restores into a real broker: the seed scenario of a corrupt burst, a restore interrupted and run again, and restores
 * that must fail.
 */
class RestoreRunTest {

    // Recent: the test broker applies its 7-day retention every half second, to producer timestamps too.
    private static final long BASE = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toEpochMilli();

    @TempDir
    Path dir;

    private final KafkaTestBroker broker = KafkaTestBroker.shared();
    private LocalArchive local;
    private SegmentArchive archive;

    @BeforeEach
    void openArchive() {
        local = LocalArchive.in(dir);
        archive = local.archive();
    }

    @AfterEach
    void closeArchive() {
        local.close();
    }

    @Test
    void restoringToOneMillisecondBeforeACorruptBurstGivesExactlyTheGoodPrefix() throws Exception {
        String topic = "seed.payments";
        broker.createTopic(topic, 3, Map.of());
        long burst = BASE + 3_000 * 10;
        try (SourceProducer producer = SourceProducer.to(broker.bootstrap())) {
            for (int i = 0; i < 3_000; i++) {
                RecordHeaders headers = new RecordHeaders();
                headers.add("trace", utf8("t-" + i));
                producer.send(new ProducerRecord<>(topic, i % 3, BASE + i * 10L, i % 97 == 0 ? null : utf8("payment-" + i),
                        i % 50 == 0 ? null : utf8("{\"id\":" + i + ",\"amount\":" + i * 3 + "}"), headers));
            }
            for (int i = 0; i < 600; i++) {
                producer.send(new ProducerRecord<>(topic, i % 3, burst + i, utf8("payment-x" + i), utf8("\u0000garbage" + i)));
            }
            producer.confirm();
        }
        Map<Integer, List<KfsRecord>> source = SourceRecords.of(broker.bootstrap(), topic);
        try (TestBackup backup = TestBackup.of(broker.bootstrap(), "prod", topic, archive)) {
            backup.awaitStored(topic, 3_600);
        }

        RestorePlan plan = new RestorePlanner(archive).plan(RestoreRequest.of("prod", topic,
                new RestorePoint.AtTime(Instant.ofEpochMilli(burst - 1))));
        String restored = "seed.payments.restored";
        broker.createTopic(restored, 3, Map.of());
        RestoreOutcome outcome = new RestoreRun(archive, plan, client(), startingAtZero(restored), 0, Clock.systemUTC()).run();

        assertThat(plan.records()).isEqualTo(3_000);
        assertThat(outcome.completed()).isTrue();
        assertThat(outcome.records()).isEqualTo(3_000);
        Map<Integer, List<KfsRecord>> expected = new TreeMap<>();
        source.forEach((p, records) -> expected.put(p, records.stream().filter(r -> r.timestamp() < burst).toList()));
        assertThat(SourceRecords.of(broker.bootstrap(), restored)).isEqualTo(expected);
    }

    @Test
    void aCancelledRestoreRunAgainEndsWithEveryRecordOnce() throws Exception {
        String topic = "resume.ledger";
        RestorePlan plan = backedUpAndPlanned(topic, 4_000, i -> utf8("entry-" + i), i -> utf8("x".repeat(200) + i));
        String restored = "resume.ledger.restored";
        broker.createTopic(restored, 2, Map.of());
        RestoreTarget target = startingAtZero(restored);

        // About 400 KiB/s: the whole restore would take two seconds, it is cancelled well before.
        RestoreRun first = new RestoreRun(archive, plan, client(), target, 400 * 1024, Clock.systemUTC());
        Thread canceller = new Thread(() -> {
            while (first.progress() == null || first.progress().records() < 1_000) {
                Thread.onSpinWait();
            }
            first.cancel();
        });
        canceller.start();
        RestoreOutcome interrupted = first.run();
        canceller.join();
        RestoreOutcome resumed = new RestoreRun(archive, plan, client(), target, 0, Clock.systemUTC()).run();

        assertThat(interrupted.completed()).isFalse();
        assertThat(interrupted.records()).isBetween(1_000L, 3_999L);
        assertThat(resumed.completed()).isTrue();
        assertThat(SourceRecords.of(broker.bootstrap(), restored)).isEqualTo(SourceRecords.of(broker.bootstrap(), topic));
    }

    @Test
    void aRecordLargerThanTheTargetAcceptsFailsNamingTheSettingToRaise() throws Exception {
        String topic = "large.documents";
        // The test broker's 1 MiB log segments would refuse it too: segments are made larger than any record here.
        broker.createTopic(topic, 1, Map.of("max.message.bytes", String.valueOf(4 << 20), "segment.bytes", String.valueOf(16 << 20)));
        try (SourceProducer producer = SourceProducer.to(broker.bootstrap())) {
            producer.send(new ProducerRecord<>(topic, 0, BASE, utf8("small"), utf8("fits")));
            // Random, so that compression cannot bring the batch under the target's limit.
            byte[] scan = new byte[2 << 20];
            new Random(1).nextBytes(scan);
            producer.send(new ProducerRecord<>(topic, 0, BASE + 1, utf8("scan"), scan));
            producer.confirm();
        }
        try (TestBackup backup = TestBackup.of(broker.bootstrap(), "prod", topic, archive)) {
            backup.awaitStored(topic, 2);
        }
        RestorePlan plan = new RestorePlanner(archive).plan(RestoreRequest.of("prod", topic,
                new RestorePoint.AtTime(Instant.ofEpochMilli(BASE + 10))));
        broker.createTopic("large.documents.restored", 1, Map.of("max.message.bytes", String.valueOf(1 << 20),
                "segment.bytes", String.valueOf(16 << 20)));

        RestoreRun run = new RestoreRun(archive, plan, client(), startingAtZero("large.documents.restored"), 0, Clock.systemUTC());

        assertThatThrownBy(run::run).isInstanceOf(RestoreFailedException.class)
                .hasMessageContaining("raise max.message.bytes of large.documents.restored")
                .hasMessageContaining("run the restore again to continue where it stopped");
    }

    @Test
    void aSegmentDamagedInTheStoreStopsTheRestoreNamingIt() throws Exception {
        RestorePlan plan = backedUpAndPlanned("damaged.orders", 2_000, i -> utf8("order-" + i), i -> utf8("y".repeat(100) + i));
        String key = plan.cuts().get(0).segments().get(0);
        // A byte of the first chunk's first batch, after planning: the footer and indexes still read, the records do not.
        SegmentSabotage.flipByte(dir.resolve("store").resolve(key), 200);
        broker.createTopic("damaged.orders.restored", 2, Map.of());

        RestoreRun run = new RestoreRun(archive, plan, client(), startingAtZero("damaged.orders.restored"), 0, Clock.systemUTC());

        assertThatThrownBy(run::run).isInstanceOf(CorruptSegmentException.class).hasMessageContaining(key);
    }

    /**
     * Creates {@code topic} with 2 partitions, fills it with {@code records} records (key and value of record {@code i},
     * one ms apart from {@code BASE}), backs it up and plans its restore as of {@code BASE} + 10 s: all of it.
     */
    private RestorePlan backedUpAndPlanned(String topic, int records, IntFunction<byte[]> key, IntFunction<byte[]> value)
            throws Exception {
        broker.createTopic(topic, 2, Map.of());
        try (SourceProducer producer = SourceProducer.to(broker.bootstrap())) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, i % 2, BASE + i, key.apply(i), value.apply(i)));
            }
            producer.confirm();
        }
        try (TestBackup backup = TestBackup.of(broker.bootstrap(), "prod", topic, archive)) {
            backup.awaitStored(topic, records);
        }
        return new RestorePlanner(archive).plan(RestoreRequest.of("prod", topic,
                new RestorePoint.AtTime(Instant.ofEpochMilli(BASE + 10_000))));
    }

    private Properties client() {
        Properties client = new Properties();
        client.put("bootstrap.servers", broker.bootstrap());
        return client;
    }

    private static RestoreTarget startingAtZero(String topic) {
        Map<Integer, Long> starts = new HashMap<>();
        for (int p = 0; p < 3; p++) {
            starts.put(p, 0L);
        }
        return new RestoreTarget(topic, starts);
    }
}
