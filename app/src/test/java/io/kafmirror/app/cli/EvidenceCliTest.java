package io.kafmirror.app.cli;

import static io.kafmirror.engine.testkit.SourceProducer.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafmirror.app.KafMirror;
import io.kafmirror.engine.access.Principal;
import io.kafmirror.engine.evidence.EvidenceKey;
import io.kafmirror.engine.evidence.EvidencePack;
import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.SourceProducer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kaf-mirror evidence export} and {@code evidence key}: a signed pack of a real backup, and clear refusals of bad input. */
class EvidenceCliTest {

    @TempDir
    Path dir;

    private final KafkaTestBroker broker = KafkaTestBroker.shared();

    @Test
    void aPackOfARealBackupIsSignedWithTheKeyTheKeyCommandShows() throws Exception {
        Instant start = Instant.now().minusSeconds(60);
        String topic = "evidence.cli.ledger";
        broker.createTopic(topic, 2, Map.of());
        try (SourceProducer producer = SourceProducer.to(broker.bootstrap())) {
            for (int i = 0; i < 400; i++) {
                producer.send(new ProducerRecord<>(topic, i % 2, System.currentTimeMillis(), utf8("entry-" + i), utf8("{\"n\":" + i + "}")));
            }
            producer.confirm();
        }
        Path data = CliBackup.of(dir, broker, topic, 400);
        String config = CliConfig.write(dir, broker.bootstrap()).toString();
        Path out = dir.resolve("evidence.zip");

        CliRun export = CliRun.of("evidence", "export", "--config", config, "--data", data.toString(), "--from", start.toString(),
                "--to", Instant.now().plusSeconds(60).toString(), "--out", out.toString());

        assertThat(export.exitCode()).as(export.out() + export.err()).isZero();
        assertThat(export.out()).contains("Wrote the evidence pack " + out).containsPattern("\\d+ segments in local\\.")
                .contains("VERIFY.md");
        Map<String, byte[]> files = unzip(out);
        assertThat(files).containsKeys(EvidencePack.REPORT, EvidencePack.MANIFEST, EvidencePack.SIGNATURE, EvidencePack.PUBLIC_KEY,
                EvidencePack.VERIFY, "data/segments.csv", "data/coverage.json", "data/control-mapping.csv");
        JsonNode coverage = new ObjectMapper().readTree(files.get("data/coverage.json"));
        assertThat(coverage).singleElement().satisfies(t -> {
            assertThat(t.get("topic").asText()).isEqualTo(topic);
            assertThat(t.get("records").asLong()).isEqualTo(400);
        });
        String manifest = new String(files.get(EvidencePack.MANIFEST), StandardCharsets.UTF_8);
        assertThat(manifest).contains("  " + EvidencePack.REPORT + "\n").doesNotContain(EvidencePack.SIGNATURE);
        EvidenceKey key = EvidenceKey.loadOrCreate(data);
        assertThat(key.verifies(files.get(EvidencePack.MANIFEST), files.get(EvidencePack.SIGNATURE))).isTrue();

        CliRun shown = CliRun.of("evidence", "key", "--data", data.toString());
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.out()).startsWith(new String(files.get(EvidencePack.PUBLIC_KEY), StandardCharsets.US_ASCII))
                .contains("Fingerprint (SHA-256): " + key.fingerprint()).contains(data.resolve(EvidenceKey.FILE).toString());
        assertThat(export.out()).contains(key.fingerprint());

        CliRun again = CliRun.of("evidence", "export", "--config", config, "--data", data.toString(), "--from", start.toString(),
                "--to", Instant.now().toString(), "--out", out.toString());
        assertThat(again.exitCode()).isEqualTo(KafMirror.FAILED);
        assertThat(again.err()).contains(out.toString()).contains("already exists").contains("--overwrite");
        CliRun audit = CliRun.of("audit", "list", "--action", "evidence.export", "--data", data.toString());
        // The data folder has no users: the operating-system user acts.
        String actor = Pattern.quote(Principal.unclaimed().name());
        assertThat(audit.out()).as(audit.err()).containsPattern(actor + "\\s+evidence\\.export\\s+" + Pattern.quote(out.toString())
                + "\\s+ok").containsPattern(actor + "\\s+evidence\\.export\\s+" + Pattern.quote(out.toString()) + "\\s+refused");
    }

    @Test
    void scheduledPacksGoIntoTheFolderOncePerPeriod() throws IOException {
        String config = CliConfig.write(dir, broker.bootstrap()).toString();
        String data = dir.resolve("data").toString();
        Path folder = Files.createDirectories(dir.resolve("packs"));
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();

        CliRun first = CliRun.of("evidence", "scheduled", "--config", config, "--data", data, "--every", "daily", "--folder",
                folder.toString());

        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        Path pack = folder.resolve("evidence-daily-" + yesterday + ".zip");
        assertThat(first.out()).contains("Wrote the evidence pack " + pack).contains(yesterday + "T00:00:00Z to " + yesterday
                + "T23:59:59.999Z");
        assertThat(unzip(pack)).containsKeys(EvidencePack.REPORT, EvidencePack.MANIFEST, EvidencePack.SIGNATURE);
        CliRun second = CliRun.of("evidence", "scheduled", "--config", config, "--data", data, "--every", "daily", "--folder",
                folder.toString());
        assertThat(second.out()).contains("Nothing due: " + pack + " is the newest pack.");
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(pack);
        }
        CliRun hourly = CliRun.of("evidence", "scheduled", "--config", config, "--data", data, "--every", "hourly", "--folder",
                folder.toString());
        assertThat(hourly.exitCode()).isEqualTo(2);
        assertThat(hourly.err()).contains("DAILY, WEEKLY, MONTHLY").contains("hourly");
    }

    @Test
    void badInputIsRefusedSayingWhatToChange() throws IOException {
        String config = CliConfig.write(dir, broker.bootstrap()).toString();
        String data = dir.resolve("data").toString();
        String out = dir.resolve("pack.zip").toString();

        CliRun reversed = CliRun.of("evidence", "export", "--config", config, "--data", data, "--from", "2026-12-02T00:00:00Z",
                "--to", "2026-12-01T00:00:00Z", "--out", out);
        assertThat(reversed.exitCode()).isEqualTo(2);
        assertThat(reversed.err()).contains("starts at 2026-12-02T00:00:00Z (--from), after its end 2026-12-01T00:00:00Z (--to)");

        CliRun unknownStore = CliRun.of("evidence", "export", "--config", config, "--data", data, "--from", "2026-12-01T00:00:00Z",
                "--to", "2026-12-02T00:00:00Z", "--out", out, "--store", "vault");
        assertThat(unknownStore.exitCode()).isEqualTo(KafMirror.FAILED);
        assertThat(unknownStore.err()).contains("no store 'vault'").contains("local");

        Path plainFile = Files.writeString(dir.resolve("plain-file"), "x");
        CliRun unwritable = CliRun.of("evidence", "export", "--config", config, "--data", data, "--from", "2026-12-01T00:00:00Z",
                "--to", "2026-12-02T00:00:00Z", "--out", plainFile.resolve("pack.zip").toString());
        assertThat(unwritable.exitCode()).isEqualTo(KafMirror.FAILED);
        assertThat(unwritable.err()).contains("Cannot write the evidence pack " + plainFile.resolve("pack.zip")).contains("--out");

        CliRun notATime = CliRun.of("evidence", "export", "--config", config, "--data", data, "--from", "yesterday", "--to",
                "2026-12-02T00:00:00Z", "--out", out);
        assertThat(notATime.exitCode()).isEqualTo(2);
        assertThat(notATime.err()).contains("'yesterday' is not a point in time");
        assertThat(CliRun.of("evidence", "export", "--config", config, "--data", data, "--from", "2026-12-01T00:00:00Z", "--to",
                "2026-12-02T00:00:00Z").err()).contains("Missing required option: '--out=FILE'");
        assertThat(dir.resolve("pack.zip")).doesNotExist();
    }

    private static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
                files.put(e.getName(), entries.readAllBytes());
            }
        }
        return files;
    }
}
