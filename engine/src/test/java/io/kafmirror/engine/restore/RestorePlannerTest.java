package io.kafmirror.engine.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafmirror.engine.testkit.LocalArchive;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.format.KfsRecord;
import io.kafmirror.kfs.format.SegmentCodec;
import io.kafmirror.kfs.format.SegmentIdentity;
import io.kafmirror.kfs.format.SegmentWriter;
import io.kafmirror.kfs.format.SegmentWriterConfig;
import io.kafmirror.kfs.store.ObjectRetention;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planner's cuts equal the documented rule applied by brute force to the whole stored log, for
 * out-of-order timestamps and offset gaps, and impossible requests say what the backup holds.
 */
class RestorePlannerTest {

    private static final long BASE = Instant.parse("2026-05-13T14:00:00Z").toEpochMilli();
    private static final UUID ORDERS = UUID.fromString("00000000-0000-0000-0000-00000000000a");

    @TempDir
    Path dir;

    private LocalArchive local;
    private SegmentArchive archive;
    /** Every stored record by partition, in offset order: the brute-force reference. */
    private final Map<Integer, List<KfsRecord>> log = new TreeMap<>();

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
    void everyCutEqualsTheRuleAppliedToTheWholeLog() {
        storeRandomBackup("orders", ORDERS, 0, new Random(7));
        RestorePlanner planner = new RestorePlanner(archive);
        Random random = new Random(3);
        long last = log.values().stream().flatMap(List::stream).mapToLong(KfsRecord::timestamp).max().orElseThrow();
        for (int i = 0; i < 300; i++) {
            long to = BASE + random.nextLong(last - BASE + 2_000);
            Long from = random.nextInt(3) == 0 ? BASE + random.nextLong(to - BASE + 1) : null;
            boolean strict = random.nextBoolean();
            RestoreRequest request = RestoreRequest.of("prod", "orders", new RestorePoint.AtTime(Instant.ofEpochMilli(to)));
            if (from != null) {
                request = request.withFrom(Instant.ofEpochMilli(from));
            }
            if (strict) {
                request = request.withStrictTimestamps();
            }
            RestorePlan plan;
            try {
                plan = planner.plan(request);
            } catch (RestorePlanException e) {
                assertThat(expectedRecords(from, to, strict)).as("records a refused plan would have restored").isZero();
                continue;
            }
            for (PartitionCut cut : plan.cuts()) {
                List<KfsRecord> expected = expected(cut.partition(), from, to, strict);
                assertThat(cut.records()).as("records of partition %d up to %d from %s, strict %s", cut.partition(), to, from, strict)
                        .isEqualTo(expected.size());
                if (!expected.isEmpty()) {
                    assertThat(cut.firstOffset()).isLessThanOrEqualTo(expected.get(0).offset());
                    assertThat(cut.endOffset()).isGreaterThan(expected.get(expected.size() - 1).offset());
                }
                assertThat(log.get(cut.partition())).filteredOn(r -> r.offset() >= cut.firstOffset() && r.offset() < cut.endOffset()
                        && (!strict || from == null || r.timestamp() >= from)).containsExactlyElementsOf(expected);
                if (strict && from != null) {
                    List<Long> written = new ArrayList<>();
                    new CutRecords(archive, cut, request).forEachRemaining(r -> written.add(r.offset()));
                    assertThat(written).as("offsets a run writes").isEqualTo(expected.stream().map(KfsRecord::offset).toList());
                }
            }
        }
    }

    @Test
    void strictTimestampsLeaveOutTheLateRecordsOfAWindowAndNothingElse() {
        storeRandomBackup("orders", ORDERS, 0, new Random(11));
        long last = log.values().stream().flatMap(List::stream).mapToLong(KfsRecord::timestamp).max().orElseThrow();
        long from = BASE + (last - BASE) / 2;
        RestoreRequest window = at(last).withFrom(Instant.ofEpochMilli(from));
        RestorePlanner planner = new RestorePlanner(archive);

        RestorePlan plain = planner.plan(window);
        RestorePlan strict = planner.plan(window.withStrictTimestamps());

        long late = 0;
        for (PartitionCut cut : plain.cuts()) {
            late += log.get(cut.partition()).stream().filter(r -> r.offset() >= cut.firstOffset() && r.offset() < cut.endOffset()
                    && r.timestamp() < from).count();
        }
        assertThat(late).as("late records in the window").isPositive();
        assertThat(strict.records()).isEqualTo(plain.records() - late);
        assertThat(planner.plan(at(last).withStrictTimestamps()).records()).as("without a window")
                .isEqualTo(planner.plan(at(last)).records());
    }

    @Test
    void offsetsCutEachNamedPartitionAndLeaveTheOthersOut() {
        storeRandomBackup("orders", ORDERS, 0, new Random(5));
        long end = log.get(1).get(40).offset();

        RestorePlan plan = new RestorePlanner(archive).plan(RestoreRequest.of("prod", "orders",
                new RestorePoint.AtOffsets(Map.of(1, end))));

        assertThat(plan.cuts()).singleElement().satisfies(cut -> {
            assertThat(cut.partition()).isEqualTo(1);
            assertThat(cut.records()).isEqualTo(40);
            assertThat(cut.endOffset()).isEqualTo(end);
        });
    }

    @Test
    void aRestorePointBeforeTheBackupIsRefusedWithItsRangeAndOneAfterItIsAWarning() {
        storeRandomBackup("orders", ORDERS, 0, new Random(5));
        RestorePlanner planner = new RestorePlanner(archive);

        assertThatThrownBy(() -> planner.plan(at(BASE - 60_000)))
                .isInstanceOf(RestorePlanException.class)
                .hasMessageContaining("Nothing of topic 'orders' was stored at or before 2026-05-13T13:59:00Z")
                .hasMessageContaining("holds records from 2026-05-13T14:00:00");

        RestorePlan late = planner.plan(at(BASE + 86_400_000));
        assertThat(late.records()).isEqualTo(log.values().stream().mapToLong(List::size).sum());
        assertThat(late.warnings()).singleElement().asString().contains("after the last stored record");
    }

    @Test
    void unknownClustersTopicsAndPartitionsAreNamedWithWhatExists() {
        storeRandomBackup("orders", ORDERS, 0, new Random(5));
        RestorePlanner planner = new RestorePlanner(archive);

        assertThatThrownBy(() -> planner.plan(RestoreRequest.of("staging", "orders", new RestorePoint.AtTime(Instant.now()))))
                .hasMessageContaining("nothing of cluster 'staging'").hasMessageContaining("[prod]");
        assertThatThrownBy(() -> planner.plan(RestoreRequest.of("prod", "ordrs", new RestorePoint.AtTime(Instant.now()))))
                .hasMessageContaining("no topic 'ordrs'").hasMessageContaining("[orders]");
        assertThatThrownBy(() -> planner.plan(at(BASE + 1_000).withPartitions(Set.of(7))))
                .hasMessageContaining("partition(s) [7]").hasMessageContaining("partitions [0, 1]");
    }

    @Test
    void aRecreatedTopicRestoresItsNewestGenerationUnlessAnotherIsChosen() {
        UUID recreated = UUID.fromString("00000000-0000-0000-0000-00000000000b");
        storeRandomBackup("orders", ORDERS, 0, new Random(5));
        long oldRecords = log.values().stream().mapToLong(List::size).sum();
        log.clear();
        storeRandomBackup("orders", recreated, 10, new Random(6));
        long newRecords = log.values().stream().mapToLong(List::size).sum();
        RestorePlanner planner = new RestorePlanner(archive);

        RestorePlan newest = planner.plan(at(BASE + 86_400_000));
        assertThat(newest.topicId()).isEqualTo(recreated);
        assertThat(newest.records()).isEqualTo(newRecords);
        assertThat(newest.warnings()).anySatisfy(w -> assertThat(w).contains("2 generations").contains(ORDERS.toString()));

        RestorePlan old = planner.plan(at(BASE + 86_400_000).withGeneration(ORDERS));
        assertThat(old.records()).isEqualTo(oldRecords);
        assertThatThrownBy(() -> planner.plan(at(BASE).withGeneration(UUID.randomUUID())))
                .hasMessageContaining("no generation").hasMessageContaining(recreated.toString());
    }

    private static RestoreRequest at(long millis) {
        return RestoreRequest.of("prod", "orders", new RestorePoint.AtTime(Instant.ofEpochMilli(millis)));
    }

    /**
     * Stores 2 partitions in 12 segments: timestamps mostly rising by up to 2 s with one record in ten up to a
     * minute late (CreateTime out of order), offsets with holes as compaction leaves them.
     */
    private void storeRandomBackup(String topic, UUID topicId, long sequenceBase, Random random) {
        long[] next = {0, 0};
        long[] clock = {BASE, BASE};
        for (int s = 0; s < 12; s++) {
            SegmentWriter writer = new SegmentWriter(new SegmentIdentity("prod", topic, topicId, "planner-test", sequenceBase + s),
                    new SegmentWriterConfig(SegmentCodec.ZSTD, 512, 256));
            for (int p = 0; p < 2; p++) {
                for (int i = 0; i < 20 + random.nextInt(60); i++) {
                    clock[p] += random.nextInt(2_000);
                    long timestamp = random.nextInt(10) == 0 ? clock[p] - random.nextInt(60_000) : clock[p];
                    KfsRecord r = KfsRecord.of(next[p], Math.max(BASE, timestamp), ("k" + next[p]).getBytes(StandardCharsets.UTF_8),
                            ("order " + next[p]).getBytes(StandardCharsets.UTF_8));
                    writer.append(p, r);
                    log.computeIfAbsent(p, x -> new ArrayList<>()).add(r);
                    next[p] += 1 + (random.nextInt(4) == 0 ? random.nextInt(5) : 0);
                }
            }
            archive.publish(writer.seal(BASE + sequenceBase * 1_000_000 + s * 1_000L), ObjectRetention.NONE, false);
        }
    }

    private List<KfsRecord> expected(int partition, Long from, long to, boolean strict) {
        return TimeIndexRule.restored(log.get(partition), from, to, strict);
    }

    private long expectedRecords(Long from, long to, boolean strict) {
        return log.keySet().stream().mapToLong(p -> expected(p, from, to, strict).size()).sum();
    }
}
