package io.kafmirror.engine.restore;

import static io.kafmirror.engine.testkit.SourceProducer.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafmirror.engine.snapshot.CommittedOffset;
import io.kafmirror.engine.snapshot.GroupOffsets;
import io.kafmirror.engine.snapshot.GroupOffsetsSnapshot;
import io.kafmirror.engine.snapshot.SnapshotOutcome;
import io.kafmirror.engine.snapshot.SnapshotTaker;
import io.kafmirror.engine.snapshot.SnapshotWriter;
import io.kafmirror.engine.testkit.GroupMembers;
import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.LocalArchive;
import io.kafmirror.engine.testkit.SourceProducer;
import io.kafmirror.engine.testkit.SourceRecords;
import io.kafmirror.engine.testkit.StoredRecords;
import io.kafmirror.engine.testkit.TestBackup;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.format.KfsRecord;
import io.kafmirror.kfs.store.ObjectRetention;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Consumer groups moved to where they were at the restore point, against a real broker: a consumer of the restored
 * topic continues with the record it had not yet processed; translations equal the rule applied to the whole stored
 * log; a group still consuming on the target is refused with what to do.
 */
class GroupOffsetTranslationTest {

    // Recent: the test broker applies its 7-day retention every half second, to producer timestamps too.
    private static final long BASE = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toEpochMilli();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String LEDGER = "groups.ledger";
    /** When the one snapshot of the shared backup was taken; its offsets fall before, inside and past a window. */
    private static final Instant SNAPSHOT_AT = Instant.ofEpochMilli(BASE + 2_000);

    private static final KafkaTestBroker BROKER = KafkaTestBroker.shared();

    @TempDir
    static Path sharedDir;
    private static LocalArchive shared;
    private static Map<Integer, List<KfsRecord>> ledger;

    @TempDir
    Path dir;

    /** 1,000 records over 10 s in 2 partitions, in transactions so offsets have gaps, backed up, with one snapshot. */
    @BeforeAll
    static void backUpTheLedger() throws Exception {
        shared = LocalArchive.in(sharedDir);
        BROKER.createTopic(LEDGER, 2, Map.of());
        produceInTransactions(LEDGER, 2, 1_000, "ledger-writer");
        try (TestBackup backup = TestBackup.of(BROKER.bootstrap(), "prod", LEDGER, shared.archive())) {
            backup.awaitStored(LEDGER, 1_000);
        }
        ledger = StoredRecords.of(shared.archive(), "prod", LEDGER);
        new SnapshotWriter(shared.archive().store(), "prod", "w1", at -> ObjectRetention.NONE).write(new GroupOffsetsSnapshot(List.of(
                new GroupOffsets("audit", "Empty", List.of(new CommittedOffset(LEDGER, 0, offsetOf(0, 200), null, "audit-run-7"),
                        new CommittedOffset(LEDGER, 1, offsetOf(1, 9), null, ""))),
                // Partition 0: the offset of the commit marker before the 180th record; partition 1: its end.
                new GroupOffsets("reporting", "Stable", List.of(new CommittedOffset(LEDGER, 0, offsetOf(0, 180) - 1, 0, ""),
                        new CommittedOffset(LEDGER, 1, offsetOf(1, 499) + 1, 0, ""))),
                new GroupOffsets("elsewhere", "Empty", List.of(new CommittedOffset("other.topic", 0, 5, null, ""))))),
                SNAPSHOT_AT);
    }

    @AfterAll
    static void closeShared() {
        shared.close();
    }

    @Test
    void aConsumerOfTheRestoredTopicContinuesRightAfterTheLastRecordItHadProcessedAtTheRestorePoint() throws Exception {
        String topic = "groups.orders";
        BROKER.createTopic(topic, 3, Map.of());
        produceInTransactions(topic, 3, 1_500, "orders-writer");
        Map<Integer, Long> processed = Map.of(0, 200L, 1, 317L, 2, 91L);
        Map<Integer, Long> committedAtT = consume(topic, "billing", processed);

        try (LocalArchive local = LocalArchive.in(dir); Admin admin = BROKER.admin()) {
            SegmentArchive archive = local.archive();
            SnapshotOutcome taken = new SnapshotTaker(admin, topic::equals,
                    new SnapshotWriter(archive.store(), "prod", "w1", at -> ObjectRetention.NONE), TIMEOUT, Clock.systemUTC()).take();
            assertThat(taken.complete()).as("problems: %s", taken.problems()).isTrue();
            Instant restorePoint = afterNow();
            // After the restore point the group reads on and new orders arrive: neither is part of the restore.
            consume(topic, "billing", Map.of(0, 100L, 1, 100L, 2, 100L));
            try (SourceProducer producer = SourceProducer.to(BROKER.bootstrap())) {
                for (int i = 0; i < 30; i++) {
                    producer.send(new ProducerRecord<>(topic, i % 3, null, utf8("late-" + i), utf8("late order " + i)));
                }
                producer.confirm();
            }
            new SnapshotTaker(admin, topic::equals, new SnapshotWriter(archive.store(), "prod", "w2", at -> ObjectRetention.NONE),
                    TIMEOUT, Clock.systemUTC()).take();
            Map<Integer, List<KfsRecord>> source = SourceRecords.of(BROKER.bootstrap(), topic);
            try (TestBackup backup = TestBackup.of(BROKER.bootstrap(), "prod", topic, archive)) {
                backup.awaitStored(topic, 1_530);
            }

            RestorePlan plan = new RestorePlanner(archive).plan(RestoreRequest.of("prod", topic,
                    new RestorePoint.AtTime(restorePoint)));
            String restored = "groups.orders.restored";
            BROKER.createTopic(restored, 3, Map.of());
            RestoreTarget target = new RestoreTarget(restored, Map.of(0, 0L, 1, 0L, 2, 0L));
            new RestoreRun(archive, plan, client(), target, 0, Clock.systemUTC()).run();
            GroupOffsetTranslation translation = new GroupOffsetTranslator(archive, Duration.ofMinutes(10))
                    .translate(plan, target, Set.of("billing"), UnaryOperator.identity());
            new GroupOffsetCommitter(admin, TIMEOUT).commit(translation);

            assertThat(plan.records()).isEqualTo(1_500);
            assertThat(translation.snapshot()).isEqualTo(taken.stored().get(1));
            assertThat(translation.warnings()).isEmpty();
            Map<Integer, KfsRecord> firstRead = firstRecordOfEachPartition(restored, 3, "billing");
            for (int p = 0; p < 3; p++) {
                long c = committedAtT.get(p);
                KfsRecord next = source.get(p).stream().filter(r -> r.offset() >= c).findFirst().orElseThrow();
                assertThat(text(firstRead.get(p).value())).as("partition %d continues after offset %d", p, c - 1)
                        .isEqualTo(text(next.value()));
                assertThat(firstRead.get(p).key()).isEqualTo(next.key());
                assertThat(firstRead.get(p).timestamp()).isEqualTo(next.timestamp());
            }
        }
    }

    @Test
    void offsetsBeforeInsideAndPastAWindowGoToItsStartTheirRecordAndItsEnd() {
        Instant to = Instant.ofEpochMilli(BASE + 6_000);
        RestorePlan plan = new RestorePlanner(shared.archive()).plan(RestoreRequest.of("prod", LEDGER, new RestorePoint.AtTime(to))
                .withFrom(Instant.ofEpochMilli(BASE + 3_000)));
        RestoreTarget target = new RestoreTarget("ledger.dr", Map.of(0, 100L, 1, 7L));

        GroupOffsetTranslation translation = new GroupOffsetTranslator(shared.archive(), Duration.ofMinutes(10))
                .translate(plan, target, Set.of(), group -> "dr." + group);

        assertThat(translation.snapshot().takenAt()).isEqualTo(SNAPSHOT_AT);
        assertThat(translation.targetTopic()).isEqualTo("ledger.dr");
        assertThat(translation.warnings()).isEmpty();
        assertThat(translation.groups()).containsExactly(
                new TranslatedGroup("audit", "dr.audit", List.of(
                        translated(plan, target, 0, offsetOf(0, 200), "audit-run-7"),
                        translated(plan, target, 1, offsetOf(1, 9), ""))),
                new TranslatedGroup("reporting", "dr.reporting", List.of(
                        translated(plan, target, 0, offsetOf(0, 180) - 1, ""),
                        translated(plan, target, 1, offsetOf(1, 499) + 1, ""))));
        // Inside the window: the record the group had not read yet, also from a marker's offset; before it: the
        // start of the restored partition; past its end: the end.
        assertThat(translation.groups().get(0).offsets()).extracting(TranslatedOffset::targetOffset)
                .satisfiesExactly(inside -> assertThat(inside).isGreaterThan(100L).isLessThan(100 + cut(plan, 0).records()),
                        before -> assertThat(before).isEqualTo(7L));
        assertThat(translation.groups().get(1).offsets()).extracting(TranslatedOffset::targetOffset)
                .containsExactly(translated(plan, target, 0, offsetOf(0, 180), "").targetOffset(), 7 + cut(plan, 1).records());
    }

    @Test
    void aSnapshotMuchOlderThanTheRestorePointIsUsedWithAWarningThatSaysHowOld() {
        RestorePlan plan = new RestorePlanner(shared.archive()).plan(RestoreRequest.of("prod", LEDGER,
                new RestorePoint.AtTime(SNAPSHOT_AT.plus(Duration.ofMinutes(42)).plusSeconds(5))));

        GroupOffsetTranslation translation = new GroupOffsetTranslator(shared.archive(), Duration.ofMinutes(10))
                .translate(plan, new RestoreTarget("ledger.dr", Map.of(0, 0L, 1, 0L)), Set.of("audit"), UnaryOperator.identity());

        assertThat(translation.groups()).extracting(TranslatedGroup::sourceGroup).containsExactly("audit");
        assertThat(translation.warnings()).singleElement().asString()
                .contains("snapshot taken at " + SNAPSHOT_AT).contains("42m5s before the restore point");
    }

    @Test
    void aRestorePointBeforeTheFirstSnapshotSaysWhenTheFirstWasTaken() {
        RestorePlan plan = new RestorePlanner(shared.archive()).plan(RestoreRequest.of("prod", LEDGER,
                new RestorePoint.AtTime(SNAPSHOT_AT.minusMillis(1))));

        assertThatThrownBy(() -> new GroupOffsetTranslator(shared.archive(), Duration.ofMinutes(10))
                .translate(plan, new RestoreTarget("ledger.dr", Map.of(0, 0L, 1, 0L)), Set.of(), UnaryOperator.identity()))
                .isInstanceOf(RestorePlanException.class)
                .hasMessageContaining("No group-offsets snapshot of cluster 'prod' was taken at or before " + SNAPSHOT_AT.minusMillis(1))
                .hasMessageContaining("the first was taken at " + SNAPSHOT_AT);
    }

    @Test
    void unknownGroupsAreRefusedNamingTheGroupsTheSnapshotHoldsOnTheTopic() {
        RestorePlan plan = new RestorePlanner(shared.archive()).plan(RestoreRequest.of("prod", LEDGER,
                new RestorePoint.AtTime(SNAPSHOT_AT)));

        assertThatThrownBy(() -> new GroupOffsetTranslator(shared.archive(), Duration.ofMinutes(10))
                .translate(plan, new RestoreTarget("ledger.dr", Map.of(0, 0L, 1, 0L)), Set.of("reporting", "elsewhere", "nobody"),
                        UnaryOperator.identity()))
                .isInstanceOf(RestorePlanException.class)
                .hasMessageContaining("Consumer group(s) [elsewhere, nobody] had no committed offsets on topic '" + LEDGER + "'")
                .hasMessageContaining("the groups it holds on that topic are [audit, reporting]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"classic", "consumer"})
    void aGroupWithActiveMembersOnTheTargetIsRefusedNamingItWhileTheOthersAreMoved(String protocol) throws Exception {
        String restored = "groups.ledger.active-" + protocol;
        BROKER.createTopic(restored, 2, Map.of());
        RestorePlan plan = new RestorePlanner(shared.archive()).plan(RestoreRequest.of("prod", LEDGER,
                new RestorePoint.AtTime(SNAPSHOT_AT)));
        RestoreTarget target = new RestoreTarget(restored, Map.of(0, 0L, 1, 0L));
        GroupOffsetTranslation translation = new GroupOffsetTranslator(shared.archive(), Duration.ofMinutes(10))
                .translate(plan, target, Set.of(), group -> protocol + "." + group);
        String active = protocol + ".reporting";

        try (Admin admin = BROKER.admin(); KafkaConsumer<byte[], byte[]> running = stableMember(admin, restored, active, protocol)) {
            assertThatThrownBy(() -> new GroupOffsetCommitter(admin, TIMEOUT).commit(translation))
                    .isInstanceOf(GroupOffsetCommitException.class)
                    .hasMessageContaining("Consumer group " + active + " has 1 active member(s) on the target")
                    .hasMessageContaining("stop its consumers, then set its offsets again")
                    .hasMessageContaining("Moved: " + protocol + ".audit.");

            Map<TopicPartition, OffsetAndMetadata> audit = admin.listConsumerGroupOffsets(protocol + ".audit")
                    .partitionsToOffsetAndMetadata().get();
            assertThat(audit.get(new TopicPartition(restored, 0)).offset())
                    .isEqualTo(translation.groups().get(0).offsets().get(0).targetOffset());
            assertThat(admin.listConsumerGroupOffsets(active).partitionsToOffsetAndMetadata().get()).isEmpty();
        }
    }

    /** The brute-force translation: the start plus the restored records of the partition before {@code offset}. */
    private static TranslatedOffset translated(RestorePlan plan, RestoreTarget target, int partition, long offset, String metadata) {
        PartitionCut cut = cut(plan, partition);
        long before = ledger.get(partition).stream()
                .filter(r -> r.offset() >= cut.firstOffset() && r.offset() < cut.endOffset() && r.offset() < offset).count();
        return new TranslatedOffset(partition, offset, target.startOffsets().get(partition) + before, metadata);
    }

    private static PartitionCut cut(RestorePlan plan, int partition) {
        return plan.cuts().stream().filter(c -> c.partition() == partition).findFirst().orElseThrow();
    }

    /** The source offset of the {@code index}-th record of {@code partition} of the shared ledger. */
    private static long offsetOf(int partition, int index) {
        return ledger.get(partition).get(index).offset();
    }

    /** {@code count} records to {@code partitions} partitions, 10 ms apart from BASE, committed 40 at a time. */
    private static void produceInTransactions(String topic, int partitions, int count, String transactionalId) {
        try (SourceProducer producer = SourceProducer.transactional(BROKER.bootstrap(), transactionalId)) {
            for (int i = 0; i < count; i++) {
                if (i % 40 == 0) {
                    producer.kafka().beginTransaction();
                }
                producer.send(new ProducerRecord<>(topic, i % partitions, BASE + i * 10L, utf8("key-" + i), utf8("order " + i)));
                if (i % 40 == 39 || i == count - 1) {
                    producer.kafka().commitTransaction();
                }
            }
            producer.confirm();
        }
    }

    /**
     * A consumer in {@code group} that processes the next {@code records} records of each partition, commits right
     * after the last it processed and leaves; returns the committed offsets.
     */
    private static Map<Integer, Long> consume(String topic, String group, Map<Integer, Long> records) {
        Map<Integer, Long> left = new HashMap<>(records);
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(group, "classic", "earliest")) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (left.values().stream().anyMatch(n -> n > 0)) {
                assertThat(System.nanoTime()).as("%s still to process", left).isLessThan(deadline);
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (left.get(r.partition()) > 0) {
                        left.merge(r.partition(), -1L, Long::sum);
                        commit.put(new TopicPartition(topic, r.partition()), new OffsetAndMetadata(r.offset() + 1));
                    }
                }
            }
            consumer.commitSync(commit);
        }
        Map<Integer, Long> committed = new TreeMap<>();
        commit.forEach((tp, o) -> committed.put(tp.partition(), o.offset()));
        return committed;
    }

    /** The first record a consumer in {@code group} receives from each of the {@code partitions} of {@code topic}. */
    private static Map<Integer, KfsRecord> firstRecordOfEachPartition(String topic, int partitions, String group) {
        Map<Integer, KfsRecord> first = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(group, "classic", "none")) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (first.size() < partitions) {
                assertThat(System.nanoTime()).as("first records so far: %s", first).isLessThan(deadline);
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    first.putIfAbsent(r.partition(), new KfsRecord(r.offset(), r.timestamp(), r.timestampType(), r.key(),
                            r.value(), r.headers().toArray()));
                }
            }
        }
        return first;
    }

    /** A member of {@code group} that owns {@code topic}, returned once the group is stable and it has its partitions. */
    private static KafkaConsumer<byte[], byte[]> stableMember(Admin admin, String topic, String group, String protocol)
            throws Exception {
        return GroupMembers.stable(admin, consumer(group, protocol, "earliest"), topic, group, TIMEOUT);
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String group, String protocol, String reset) {
        Properties p = client();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, protocol);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, reset);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static Properties client() {
        Properties client = new Properties();
        client.put("bootstrap.servers", BROKER.bootstrap());
        return client;
    }

    /** A restore point strictly after everything so far and strictly before anything from now on. */
    private static Instant afterNow() throws InterruptedException {
        Thread.sleep(5);
        Instant at = Instant.now();
        Thread.sleep(5);
        return at;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
