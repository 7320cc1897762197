package io.kafmirror.engine.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.LocalArchive;
import io.kafmirror.engine.testkit.SourceRecords;
import io.kafmirror.engine.testkit.TestBackup;
import io.kafmirror.kfs.format.KfsRecord;
import io.kafmirror.kfs.format.SegmentCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Topics backed up from the shared broker restored into a second broker started by the test, as into a DR cluster:
 * under the same name, and under the names a regular-expression mapping gives them.
 */
class RestoreIntoSecondClusterTest {

    // Recent: both brokers apply their 7-day retention every half second, to restored timestamps too.
    private static final long BASE = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toEpochMilli();
    private static final KafkaTestBroker SOURCE = KafkaTestBroker.shared();

    @TempDir
    static Path dir;
    private static KafkaTestBroker dr;
    private static LocalArchive local;
    private static TestRestore restore;

    @BeforeAll
    static void startTheSecondBroker() {
        dr = KafkaTestBroker.start(dir.resolve("dr"));
        local = LocalArchive.in(dir.resolve("backup"));
        restore = new TestRestore(local.archive(), dr);
    }

    @AfterAll
    static void stop() {
        local.close();
        dr.close();
    }

    @Test
    void aTopicOfOneClusterIsRestoredIntoAnotherByteForByte() throws Exception {
        String topic = "second.orders";
        Map<Integer, List<KfsRecord>> source = TestRecords.produce(SOURCE, topic, 3, Map.of(), 1_200, BASE);
        try (TestBackup backup = TestBackup.of(SOURCE.bootstrap(), "prod", topic, local.archive())) {
            backup.awaitStored(topic, 1_200);
        }

        RestorePlan plan = restore.plan(topic, Instant.now());
        PreparedTarget prepared = restore.restore(plan, topic, TargetOptions.asStored());

        assertThat(prepared.created()).as("created on the second broker").isTrue();
        assertThat(SourceRecords.of(dr.bootstrap(), topic)).isEqualTo(source);
        restore.assertVerified(plan, prepared.target());
    }

    @Test
    void aRegexMappingRestoresEachTopicUnderTheNameItGives() throws Exception {
        Map<Integer, List<KfsRecord>> sourceA = TestRecords.produce(SOURCE, "events.a", 2, Map.of(), 200, BASE);
        Map<Integer, List<KfsRecord>> sourceB = TestRecords.produce(SOURCE, "events.b", 3, Map.of(), 300, BASE);
        try (TestBackup backup = TestBackup.of(SOURCE.bootstrap(), "prod", topic -> topic.startsWith("events."),
                SegmentCodec.ZSTD, local.archive())) {
            backup.awaitStored("events.a", 200).awaitStored("events.b", 300);
        }
        TopicMapping mapping = TopicMapping.parse("regex:events\\.(.*)=bdr.events.$1");

        for (String topic : List.of("events.a", "events.b")) {
            restore.restore(restore.plan(topic, Instant.now()), mapping.target(topic), TargetOptions.asStored());
        }

        assertThat(SourceRecords.of(dr.bootstrap(), "bdr.events.a")).isEqualTo(sourceA);
        assertThat(SourceRecords.of(dr.bootstrap(), "bdr.events.b")).isEqualTo(sourceB);
    }
}
