package io.kafmirror.app.cli;

import static io.kafmirror.engine.testkit.SourceProducer.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kafmirror.app.KafMirror;
import io.kafmirror.engine.access.Principal;
import io.kafmirror.engine.access.Role;
import io.kafmirror.engine.state.AuditEntry;
import io.kafmirror.engine.state.AuditFilter;
import io.kafmirror.engine.state.AuditOutcome;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.RestoreFileLines;
import io.kafmirror.engine.testkit.SourceProducer;
import io.kafmirror.engine.testkit.SourceRecords;
import io.kafmirror.kfs.format.KfsRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kaf-mirror restore}: plan as JSON, restore and verify, status, and a second run refused instead of writing twice;
 * a restore to a JSON Lines file that reads back like the source.
 */
class RestoreCliTest {

    private static final String ME = System.getProperty("user.name");
    private static final String ROOT_PASSWORD = "correct horse battery";

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
        Path data = CliBackup.of(dir, broker, topic, 2_300);
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
        assertThat(CliRun.of("audit", "list", "--data", data.toString()).out())
                .containsPattern("1\\s+\\S+\\s+" + ME + "\\s+restore\\.start\\s+restore #1\\s+ok\\s+\\{.*\"target_topic\":\"restored\\.restore\\.cli\\.orders\"")
                .containsPattern("2\\s+\\S+\\s+" + ME + "\\s+restore\\.finish\\s+restore #1\\s+ok\\s+\\{\"restored_records\":2000,\"state\":\"completed\"\\}")
                .containsPattern("3\\s+\\S+\\s+" + ME + "\\s+restore\\.verify\\s+restore #1\\s+ok\\s+\\{\"expected_records\":2000,\"found_records\":2000\\}")
                .containsPattern("4\\s+\\S+\\s+" + ME + "\\s+restore\\.start\\s+restore of restore\\.cli\\.orders into prod/restored\\.restore\\.cli\\.orders"
                        + "\\s+refused\\s+.*--append");
    }

    @Test
    void aTopicIsRestoredToAFileThatReadsBackLikeTheSource() throws Exception {
        String topic = "restore.cli.payments";
        broker.createTopic(topic, 3, Map.of());
        try (SourceProducer producer = SourceProducer.to(broker.bootstrap())) {
            for (int i = 0; i < 600; i++) {
                RecordHeaders headers = new RecordHeaders();
                headers.add("trace", utf8("t-" + i));
                headers.add("signature", new byte[] {(byte) 0xFF, (byte) i});
                byte[] value = i % 7 == 0 ? null : i % 11 == 0 ? new byte[0] : i % 2 == 0 ? utf8("{\"amount\":" + i + "}")
                        : new byte[] {(byte) 0x80, (byte) i, 0};
                producer.send(new ProducerRecord<>(topic, i % 3, BASE + i * 10L, i % 5 == 0 ? null : utf8("payment-" + i), value,
                        headers));
            }
            producer.confirm();
        }
        Path data = CliBackup.of(dir, broker, topic, 600);
        String config = CliConfig.write(dir, broker.bootstrap()).toString();
        long to = BASE + 500 * 10L - 1;
        Path file = dir.resolve("payments.jsonl.gz");
        Function<List<String>, String[]> export = more -> Stream.concat(Stream.of("restore", "--config", config, "--data",
                data.toString(), "--topic", topic, "--to", Instant.ofEpochMilli(to).toString(), "--to-file", file.toString()),
                more.stream()).toArray(String[]::new);

        CliRun exported = CliRun.of(export.apply(List.of()));

        assertThat(exported.exitCode()).as(exported.out() + exported.err()).isZero();
        assertThat(exported.out()).contains("Wrote 500 records").contains(file.toString());
        Map<Integer, List<KfsRecord>> expected = new TreeMap<>();
        SourceRecords.of(broker.bootstrap(), topic).forEach((p, records) ->
                expected.put(p, records.stream().filter(r -> r.timestamp() <= to).toList()));
        assertThat(RestoreFileLines.byPartition(file)).isEqualTo(expected);

        CliRun again = CliRun.of(export.apply(List.of()));
        assertThat(again.exitCode()).isEqualTo(KafMirror.FAILED);
        assertThat(again.err()).contains(file.toString()).contains("already exists").contains("--overwrite");
        assertThat(RestoreFileLines.byPartition(file)).isEqualTo(expected);

        CliRun overwritten = CliRun.of(export.apply(List.of("--partitions", "1", "--overwrite")));
        assertThat(overwritten.exitCode()).as(overwritten.err()).isZero();
        assertThat(RestoreFileLines.byPartition(file)).isEqualTo(Map.of(1, expected.get(1)));

        CliRun withGroups = CliRun.of(export.apply(List.of("--groups", "billing")));
        assertThat(withGroups.exitCode()).isEqualTo(2);
        assertThat(withGroups.err()).contains("--groups apply to a restore into a cluster (--target), not to --to-file");
        assertThat(CliRun.of(export.apply(List.of("--target", "prod"))).err()).contains("mutually exclusive");

        Path token = dir.resolve("exporter.token");
        try (StateDatabase admin = StateDatabase.open(data, "test")) {
            admin.users().init("root", ROOT_PASSWORD.toCharArray());
            admin.users().login("root", ROOT_PASSWORD.toCharArray(), Duration.ofMinutes(5));
            Files.writeString(token, admin.users().createToken("exporter", Role.OPERATOR, null).secret());
        }
        CliRun byOperator = CliRun.of(export.apply(List.of("--overwrite", "--token-file", token.toString())));
        assertThat(byOperator.exitCode()).as(byOperator.err()).isZero();
        try (StateDatabase admin = StateDatabase.open(data, "test")) {
            admin.users().login("root", ROOT_PASSWORD.toCharArray(), Duration.ofMinutes(5));
            List<AuditEntry> restores = admin.audit().list(AuditFilter.all()).stream()
                    .filter(e -> e.action().startsWith("restore.")).toList();
            String unclaimed = Principal.unclaimed().name();
            String target = "restore of " + topic + " to " + file.toAbsolutePath();
            assertThat(restores).extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::target, AuditEntry::outcome).containsExactly(
                    tuple(unclaimed, "restore.start", target, AuditOutcome.OK), tuple(unclaimed, "restore.finish", target, AuditOutcome.OK),
                    tuple(unclaimed, "restore.start", target, AuditOutcome.OK), tuple(unclaimed, "restore.finish", target, AuditOutcome.REFUSED),
                    tuple(unclaimed, "restore.start", target, AuditOutcome.OK), tuple(unclaimed, "restore.finish", target, AuditOutcome.OK),
                    tuple("token:exporter", "restore.start", target, AuditOutcome.OK),
                    tuple("token:exporter", "restore.finish", target, AuditOutcome.OK));
            assertThat(restores.get(0).parameters()).contains("\"file\":\"" + file.toAbsolutePath() + "\"", "\"planned_records\":500",
                    "\"topic\":\"" + topic + "\"", "\"store\":");
            assertThat(restores.get(1).parameters()).contains("\"restored_records\":500", "\"state\":\"completed\"");
            assertThat(restores.get(3).reason()).contains("already exists");
        }
    }
}
