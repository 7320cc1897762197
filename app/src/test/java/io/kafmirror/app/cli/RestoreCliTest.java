package io.kafmirror.app.cli;

import static io.kafmirror.engine.testkit.SourceProducer.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.app.KafMirror;
import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.SourceProducer;
import io.kafmirror.engine.testkit.SourceRecords;
import io.kafmirror.engine.testkit.TestBackup;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.format.KfsRecord;
import io.kafmirror.kfs.store.LocalSegmentStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kaf-mirror restore}: plan as JSON, restore and verify, status, and a second run refused instead of writing twice. */
class RestoreCliTest {

    // Recent: the test broker applies its 7-day retention to producer timestamps every half second.
    private static final long BASE = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toEpochMilli();

    @TempDir
    Path dir;

    private final KafkaTestBroker broker = KafkaTestBroker.shared();

    @Test
    void aTopicIsRestoredToJustBeforeABadBurstVerifiedAndListed() throws Exception {
        String topic = "restore.cli.orders";
        broker.createTopic(topic, 2, Map.of());
        long burst = BASE + 2_000 * 10;
        try (SourceProducer producer = SourceProducer.to(broker.bootstrap())) {
            for (int i = 0; i < 2_000; i++) {
                producer.send(new ProducerRecord<>(topic, i % 2, BASE + i * 10L, utf8("order-" + i), utf8("{\"n\":" + i + "}")));
            }
            for (int i = 0; i < 300; i++) {
                producer.send(new ProducerRecord<>(topic, i % 2, burst + i, utf8("bad-" + i), utf8("not json " + i)));
            }
            producer.confirm();
        }
        Path data = dir.resolve("data");
        Files.createDirectories(data.resolve("catalogs"));
        try (SegmentCatalog catalog = SegmentCatalog.open(data.resolve("catalogs/local"));
             LocalSegmentStore store = new LocalSegmentStore(dir.resolve("store"));
             TestBackup backup = TestBackup.of(broker.bootstrap(), "prod", topic, new SegmentArchive(store, catalog))) {
            backup.awaitStored(topic, 2_300);
        }
        String config = CliConfig.write(dir, broker.bootstrap()).toString();
        String to = Instant.ofEpochMilli(burst - 1).toString();

        CliRun plan = CliRun.of("restore", "--config", config, "--data", data.toString(), "--topic", topic, "--to", to,
                "--dry-run", "--json");
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("\"records\" : 2000").contains("\"topic\" : \"restore.cli.orders\"");

        String[] restore = {"restore", "--config", config, "--data", data.toString(), "--topic", topic, "--to", to,
                "--target", "prod", "--mapping", "prefix:restored."};
        CliRun restored = CliRun.of(restore);
        assertThat(restored.exitCode()).as(restored.out() + restored.err()).isZero();
        assertThat(restored.out()).contains("Restore #1 completed: 2,000 of 2,000 records in restored.restore.cli.orders")
                .contains("Verification passed");
        Map<Integer, List<KfsRecord>> good = new TreeMap<>();
        SourceRecords.of(broker.bootstrap(), topic).forEach((p, records) ->
                good.put(p, records.stream().filter(r -> r.timestamp() < burst).toList()));
        assertThat(SourceRecords.of(broker.bootstrap(), "restored.restore.cli.orders")).isEqualTo(good);

        assertThat(CliRun.of("restore", "status", "--data", data.toString()).out())
                .containsPattern("1\\s+\\S+\\s+restore\\.cli\\.orders\\s+\\S+\\s+prod/restored\\.restore\\.cli\\.orders"
                        + "\\s+completed\\s+2000/2000\\s+passed");

        CliRun again = CliRun.of(restore);
        assertThat(again.exitCode()).isEqualTo(KafMirror.FAILED);
        assertThat(again.err()).contains("restored.restore.cli.orders").contains("--append");
        assertThat(SourceRecords.of(broker.bootstrap(), "restored.restore.cli.orders")).isEqualTo(good);
    }
}
