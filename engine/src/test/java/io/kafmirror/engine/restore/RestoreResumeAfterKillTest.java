package io.kafmirror.engine.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.testkit.ChildJvm;
import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.LocalArchive;
import io.kafmirror.engine.testkit.SourceRecords;
import io.kafmirror.engine.testkit.TestBackup;
import io.kafmirror.kfs.format.KfsRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restore killed with SIGKILL in the middle, in a JVM of its own, and run again with the same plan and start offsets
 * ends with every planned record in the target exactly once: no duplicate, no gap.
 */
class RestoreResumeAfterKillTest {

    // Recent: the test broker applies its 7-day retention every half second, to restored timestamps too.
    private static final long BASE = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toEpochMilli();
    /** How long the throttled first run would take to the end, were it not killed. */
    private static final Duration FIRST_RUN = Duration.ofSeconds(6);

    private final KafkaTestBroker broker = KafkaTestBroker.shared();

    @TempDir
    Path dir;

    @Test
    void aRestoreKilledMidwayAndRunAgainHoldsEveryPlannedRecordOnce() throws Exception {
        String topic = "kill.ledger";
        Map<Integer, List<KfsRecord>> source = TestRecords.produce(broker, topic, 3, Map.of(), 3_000, BASE);
        // Leaves the last 500 records out, so the plan is a cut, not the whole backup.
        long to = BASE + 2_500 * 10L - 1;
        Map<Integer, List<KfsRecord>> expected = new TreeMap<>();
        source.forEach((partition, log) -> expected.put(partition, TimeIndexRule.restored(log, null, to, false)));
        try (LocalArchive local = LocalArchive.in(dir); Admin admin = broker.admin()) {
            try (TestBackup backup = TestBackup.of(broker.bootstrap(), "prod", topic, local.archive())) {
                backup.awaitStored(topic, 3_000);
            }
            TestRestore restore = new TestRestore(local.archive(), broker);
            RestorePlan plan = restore.plan(topic, Instant.ofEpochMilli(to));
            RestoreTarget target = restore.prepare(plan, "kill.ledger.restored", TargetOptions.asStored()).target();

            long killedAt;
            try (ChildJvm first = ChildJvm.start(RestoreProcess.class, broker.bootstrap(), dir.toString(), topic,
                    String.valueOf(to), target.topic(), startOffsets(target), String.valueOf(bytes(expected) / FIRST_RUN.toSeconds()))) {
                assertThat(first.firstLine()).as("the plan of the restore process").isEqualTo("restoring " + plan.cuts());
                awaitRestored(admin, target, plan.records() / 5, first);
                assertThat(first.kill()).as("exit status of a SIGKILLed JVM").isEqualTo(137);
                killedAt = restored(admin, target);
            }
            RestoreOutcome resumed = restore.run(plan, target, 0);

            assertThat(killedAt).as("records in the target after the kill").isBetween(plan.records() / 5, plan.records() - 1);
            assertThat(resumed.completed()).isTrue();
            assertThat(SourceRecords.of(broker.bootstrap(), target.topic())).isEqualTo(expected);
            restore.assertVerified(plan, target);
        }
    }

    /** Waits until the target holds at least {@code records} of the restore, while {@code restoring} runs. */
    private static void awaitRestored(Admin admin, RestoreTarget target, long records, ChildJvm restoring) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (restored(admin, target) < records) {
            assertThat(restoring.isAlive()).as("restore process alive; it printed: %s", restoring.output()).isTrue();
            assertThat(System.nanoTime()).as("time waiting for %d restored records", records).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Records in the target from its start offsets on. */
    private static long restored(Admin admin, RestoreTarget target) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        target.startOffsets().keySet().forEach(p -> latest.put(new TopicPartition(target.topic(), p), OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
        return ends.entrySet().stream().mapToLong(e -> e.getValue().offset() - target.startOffsets().get(e.getKey().partition()))
                .sum();
    }

    private static String startOffsets(RestoreTarget target) {
        return target.startOffsets().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    /** Bytes of keys, values and headers, as the restore's rate limit counts them. */
    private static long bytes(Map<Integer, List<KfsRecord>> records) {
        long bytes = 0;
        for (KfsRecord r : records.values().stream().flatMap(List::stream).toList()) {
            bytes += (r.key() == null ? 0 : r.key().length) + (r.value() == null ? 0 : r.value().length);
            for (var h : r.headers()) {
                bytes += h.key().length() + (h.value() == null ? 0 : h.value().length);
            }
        }
        return bytes;
    }
}
