package io.kafmirror.engine.restore;

import static io.kafmirror.engine.testkit.SourceProducer.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.testkit.Compaction;
import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.LocalArchive;
import io.kafmirror.engine.testkit.SourceProducer;
import io.kafmirror.engine.testkit.SourceRecords;
import io.kafmirror.engine.testkit.TestBackup;
import io.kafmirror.kfs.catalog.CatalogEntry;
import io.kafmirror.kfs.format.KfsRecord;
import io.kafmirror.kfs.format.SegmentCodec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restore writes back what was produced, byte for byte, whatever the backup holds: segments of every codec, headers,
 * null keys, tombstones, values of a few MiB, CreateTime timestamps out of order (cut by the documented rule), and a
 * compacted topic's offset gaps.
 */
class RestoreFidelityTest {

    // Recent: the test broker applies its 7-day retention every half second, to restored timestamps too.
    private static final long BASE = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toEpochMilli();
    private static final String MIX = "fidelity.mix";
    private static final int PER_CODEC = 300;
    private static final KafkaTestBroker BROKER = KafkaTestBroker.shared();

    @TempDir
    static Path dir;
    private static LocalArchive local;
    private static TestRestore restore;
    private static Map<Integer, List<KfsRecord>> mix;

    /**
     * {@link #MIX}, 3 partitions, produced in one round per codec of {@link #PER_CODEC} {@link TestRecords#varied} records
     * 10 ms apart, one in six up to 3 s late, and one value of 2 or 3 MiB; each round backed up into segments of its
     * codec, the backup resuming where the last stopped. A topics snapshot from before the first record gives the restored
     * topic the source's max.message.bytes.
     */
    @BeforeAll
    static void backUpTheMix() throws Exception {
        local = LocalArchive.in(dir);
        restore = new TestRestore(local.archive(), BROKER);
        BROKER.createTopic(MIX, 3, Map.of("max.message.bytes", String.valueOf(8 << 20),
                // The test broker's 1 MiB log segments could not hold the large records.
                "segment.bytes", String.valueOf(16 << 20)));
        Random random = new Random(17);
        SegmentCodec[] codecs = SegmentCodec.values();
        for (int c = 0; c < codecs.length; c++) {
            try (SourceProducer producer = SourceProducer.to(BROKER.bootstrap())) {
                for (int n = c * PER_CODEC; n < (c + 1) * PER_CODEC; n++) {
                    long late = random.nextInt(6) == 0 ? random.nextInt(3_000) : 0;
                    producer.send(TestRecords.varied(MIX, 3, n, BASE + n * 10L - late));
                }
                byte[] large = new byte[(2 + c % 2) << 20];
                random.nextBytes(large);
                producer.send(new ProducerRecord<>(MIX, c % 3, BASE + (c + 1) * PER_CODEC * 10L, utf8("large-" + c), large));
                producer.confirm();
            }
            try (TestBackup backup = TestBackup.of(BROKER.bootstrap(), "prod", MIX::equals, codecs[c], local.archive())) {
                backup.awaitStored(MIX, (c + 1) * (PER_CODEC + 1L));
                if (c == 0) {
                    backup.snapshot(Clock.fixed(Instant.ofEpochMilli(BASE - 60_000), ZoneOffset.UTC));
                }
            }
        }
        mix = SourceRecords.of(BROKER.bootstrap(), MIX);
    }

    @AfterAll
    static void closeArchive() {
        local.close();
    }

    @Test
    void segmentsOfEveryCodecRestoreByteForByte() throws Exception {
        assertThat(local.archive().catalog().segments("prod", MIX)).extracting(CatalogEntry::codec)
                .containsAll(List.of(SegmentCodec.values()));
        RestorePlan plan = restore.plan(MIX, Instant.now());

        PreparedTarget prepared = restore.restore(plan, "fidelity.mix.restored", TargetOptions.asStored());

        assertThat(SourceRecords.of(BROKER.bootstrap(), "fidelity.mix.restored")).isEqualTo(mix);
        restore.assertVerified(plan, prepared.target());
    }

    @Test
    void outOfOrderTimestampsAreCutByTheDocumentedRule() throws Exception {
        long to = BASE + (3 * PER_CODEC + PER_CODEC / 2) * 10L + 5;
        Map<Integer, List<KfsRecord>> expected = new TreeMap<>();
        mix.forEach((partition, log) -> expected.put(partition, TimeIndexRule.restored(log, null, to, false)));
        long restored = expected.values().stream().mapToLong(List::size).sum();
        // Not a timestamp filter: late records after the cut are left out although they are not later than T.
        assertThat(mix.values().stream().flatMap(List::stream).filter(r -> r.timestamp() <= to).count())
                .as("records not later than T").isGreaterThan(restored);
        assertThat(expected.values().stream().mapToLong(RestoreFidelityTest::late).sum()).as("late records inside the cut")
                .isPositive();
        RestorePlan plan = restore.plan(MIX, Instant.ofEpochMilli(to));

        restore.restore(plan, "fidelity.mix.cut", TargetOptions.asStored());

        assertThat(plan.records()).isEqualTo(restored);
        assertThat(SourceRecords.of(BROKER.bootstrap(), "fidelity.mix.cut")).isEqualTo(expected);
    }

    @Test
    void aCompactedTopicIsRestoredWithItsTombstonesAndWithoutItsOffsetGaps() throws Exception {
        String topic = "fidelity.customers";
        BROKER.createTopic(topic, 2, Map.of("cleanup.policy", "compact", "segment.ms", "100", "min.cleanable.dirty.ratio",
                "0.01", "delete.retention.ms", String.valueOf(Duration.ofDays(1).toMillis())));
        try (SourceProducer producer = SourceProducer.to(BROKER.bootstrap())) {
            for (int round = 0; round < 20; round++) {
                for (int key = 0; key < 10; key++) {
                    // Now and then a customer is deleted: a tombstone, which compaction keeps for delete.retention.ms.
                    byte[] value = (key + round) % 7 == 0 ? null : utf8("version " + round + " of customer " + key);
                    producer.send(new ProducerRecord<>(topic, key % 2, utf8("customer-" + key), value));
                }
                // Written once, so compaction keeps it between removed versions of the others.
                producer.send(topic, round % 2, "founder-" + round, "joined in round " + round);
                producer.confirm();
                // Rolls the log segment (segment.ms), as only closed segments are compacted.
                Thread.sleep(120);
            }
        }
        Map<Integer, List<KfsRecord>> compacted = Compaction.awaitCleaned(BROKER, topic, 20 * 11 - 100);
        assertThat(compacted.values()).as("partitions with offset gaps and tombstones").allSatisfy(log -> {
            assertThat(log.get(log.size() - 1).offset() + 1).isGreaterThan(log.size());
            assertThat(log).anyMatch(r -> r.value() == null);
        });
        long count = compacted.values().stream().mapToLong(List::size).sum();
        try (TestBackup backup = TestBackup.of(BROKER.bootstrap(), "prod", topic, local.archive())) {
            backup.awaitStored(topic, count);
        }
        RestorePlan plan = restore.plan(topic, Instant.now());

        // As the operator would, who knows the source compacted: the backup has no topics snapshot of it.
        PreparedTarget prepared = restore.restore(plan, "fidelity.customers.restored",
                new TargetOptions(Map.of("cleanup.policy", "compact"), OptionalInt.empty(), false));

        Map<Integer, List<KfsRecord>> expected = new TreeMap<>();
        compacted.forEach((partition, log) -> expected.put(partition, renumbered(log)));
        assertThat(SourceRecords.of(BROKER.bootstrap(), "fidelity.customers.restored")).isEqualTo(expected);
        restore.assertVerified(plan, prepared.target());
    }

    /** How many records of {@code log} are earlier than a record before them. */
    private static long late(List<KfsRecord> log) {
        long late = 0;
        long maxSoFar = Long.MIN_VALUE;
        for (KfsRecord r : log) {
            late += r.timestamp() < maxSoFar ? 1 : 0;
            maxSoFar = Math.max(maxSoFar, r.timestamp());
        }
        return late;
    }

    /** {@code log} at the offsets a restore gives it: consecutive from 0, without the source's gaps. */
    private static List<KfsRecord> renumbered(List<KfsRecord> log) {
        List<KfsRecord> out = new ArrayList<>();
        for (KfsRecord r : log) {
            out.add(new KfsRecord(out.size(), r.timestamp(), r.timestampType(), r.key(), r.value(), r.headers()));
        }
        return out;
    }
}
