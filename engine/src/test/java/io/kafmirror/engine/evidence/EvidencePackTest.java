package io.kafmirror.engine.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafmirror.engine.access.Principal;
import io.kafmirror.engine.audit.AuditAnchoring;
import io.kafmirror.engine.config.ClusterConfig;
import io.kafmirror.engine.config.ConfigException;
import io.kafmirror.engine.config.DrillMode;
import io.kafmirror.engine.config.FlushPolicy;
import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.config.LocalStoreConfig;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.config.RetentionPolicy;
import io.kafmirror.engine.config.RetentionRule;
import io.kafmirror.engine.config.TopicSelection;
import io.kafmirror.engine.mirror.MirrorEvent;
import io.kafmirror.engine.run.BackupRunner;
import io.kafmirror.engine.run.OpenStores;
import io.kafmirror.engine.state.AuditEntry;
import io.kafmirror.engine.state.AuditFilter;
import io.kafmirror.engine.state.AuditOutcome;
import io.kafmirror.engine.state.DrillRecord;
import io.kafmirror.engine.state.Heartbeat;
import io.kafmirror.engine.state.MetricSample;
import io.kafmirror.engine.state.MetricsSeries;
import io.kafmirror.engine.state.RestoreRecord;
import io.kafmirror.engine.state.RestoreSpec;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.SourceProducer;
import io.kafmirror.kfs.catalog.CatalogEntry;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.format.Sha256;
import io.kafmirror.kfs.store.RetentionMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * An evidence pack of a real backup: a state database and a local store that {@link BackupRunner} filled from the test
 * broker, exported, unzipped and checked with the real {@code sha256sum} and {@code openssl}, as an auditor would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidencePackTest {

    private static final int ALERTS = 120;
    // Taller than a page if it were not cut.
    private static final String LONG_MESSAGE = ": stack " + "frame/".repeat(2_000);
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String DRILL_FINDING = "evidence.refunds: segment prod/evidence.refunds/0/0.kfs part 0 byte 4711: CRC"
            + " mismatch in partition 0, stored offsets 0 to 99";

    // One backup for the class: it takes seconds, and every test reads it without changing it.
    @TempDir
    static Path dir;

    private final KafkaTestBroker broker = KafkaTestBroker.shared();
    private final ObjectMapper json = new ObjectMapper();
    private MirrorConfig config;
    private Path data;
    private EvidencePeriod period;
    private DrillRecord passedDrill;
    private DrillRecord failedDrill;
    private DrillRecord stoppedDrill;

    @BeforeAll
    void backUpTwoTopicsWithAlertsARestoreAndDrills() throws Exception {
        Instant start = Instant.now().minusSeconds(60);
        broker.createTopic("evidence.orders", 2, Map.of());
        broker.createTopic("evidence.refunds", 1, Map.of());
        data = dir.resolve("data");
        config = new MirrorConfig(Map.of("prod", ClusterConfig.of(broker.bootstrap())),
                Map.of("local", new LocalStoreConfig(dir.resolve("store"))), Map.of());
        try (StateDatabase state = StateDatabase.open(data, "test");
             BackupRunner runner = new BackupRunner(config, state, data, Clock.systemUTC());
             SourceProducer producer = SourceProducer.to(broker.bootstrap())) {
            state.jobs().add("payments", new JobConfig("prod", "local", TopicSelection.parse("evidence\\..*", ""),
                    new FlushPolicy(64L * 1024, Duration.ofMillis(200)), null, null, null, null,
                    new RetentionPolicy(new RetentionRule(RetentionMode.GOVERNANCE, Duration.ofDays(2)), null), Duration.ofSeconds(1),
                    null, null));
            runner.reconcile();
            for (int round = 1; round <= 3; round++) {
                for (int i = 0; i < 100; i++) {
                    producer.send("evidence.orders", i % 2, "order-" + round + "-" + i, "{\"n\":" + i + "}");
                    producer.send("evidence.refunds", 0, "refund-" + round + "-" + i, "{\"n\":" + i + "}");
                }
                producer.confirm();
                long stored = 50L * round;
                await(() -> storedUpTo(runner, state, "evidence.orders", stored) && storedUpTo(runner, state, "evidence.refunds", 2 * stored),
                        "round " + round + " stored");
            }
            for (int i = 0; i < ALERTS; i++) {
                state.history().append("payments", new MirrorEvent(i == 0 ? MirrorEvent.Type.GAP : MirrorEvent.Type.THROUGHPUT_DROP,
                        Instant.now(), "evidence.orders", 0, "alert " + i + " of the test" + (i == 1 ? LONG_MESSAGE : "")));
            }
            RestoreRecord restore = state.restores().begin(new RestoreSpec("prod", "local", "evidence.orders", UUID.randomUUID(),
                    "2026-12-01T10:00:00Z", null, false, "prod", "restored.evidence.orders", Map.of(0, 150L, 1, 150L),
                    Map.of(0, 0L, 1, 0L), 300));
            state.restores().update(restore.id(), 300, RestoreRecord.RestoreState.COMPLETED, null);
            state.restores().verified(restore.id(), new RestoreRecord.Verification(true, 300, 300, Duration.ofMillis(1_250), null));
            passedDrill = state.drills().begin("payments", "daily at 02:00 UTC, restore of evidence.orders", DrillMode.RESTORE, "prod",
                    "local", "prod", List.of("evidence.orders"), Instant.now());
            passedDrill = state.drills().finish(passedDrill.id(), true, 300, 14_336, null, null);
            failedDrill = state.drills().begin("payments", null, DrillMode.VERIFY, "prod", "local", null,
                    List.of("evidence.orders", "evidence.refunds"), Instant.now());
            failedDrill = state.drills().finish(failedDrill.id(), false, 300, 9_216, DRILL_FINDING, null);
            assertThat(new AuditAnchoring(config, state, Clock.systemUTC()).anchor(List.of())).hasSize(1);
        }
        // A drill whose program was killed at its start, longer ago than the silence: it never ended, nor noted that it ran.
        Instant killed = Instant.now().minus(Heartbeat.SILENCE).minusSeconds(15);
        try (StateDatabase killedProgram = StateDatabase.open(data, "test", Clock.fixed(killed, ZoneOffset.UTC),
                MetricsSeries.DEFAULT_RETENTION)) {
            stoppedDrill = killedProgram.drills().begin("payments", null, DrillMode.VERIFY, "prod", "local", null,
                    List.of("evidence.refunds"), killed);
        }
        period = new EvidencePeriod(start, Instant.now().plusSeconds(60));
    }

    @Test
    void thePackVerifiesWithSha256sumAndOpensslAndTamperingIsCaught() throws Exception {
        requireTools();
        Path unzipped = unzip(export("pack.zip"));
        EvidenceKey key = EvidenceKey.loadOrCreate(data);

        Run hashes = run(unzipped, "sha256sum", "-c", EvidencePack.MANIFEST);
        assertThat(hashes.code()).as(hashes.output()).isZero();
        assertThat(hashes.output()).contains("report.pdf: OK").contains("data/segments.csv: OK").contains("VERIFY.md: OK")
                .doesNotContain("FAILED");
        Run signature = run(unzipped, openssl());
        assertThat(signature.code()).as(signature.output()).isZero();
        assertThat(signature.output()).contains("Signature Verified Successfully");
        Run fingerprint = run(unzipped, "sh", "-c", "openssl pkey -pubin -in " + EvidencePack.PUBLIC_KEY + " -outform DER | sha256sum");
        assertThat(fingerprint.output()).startsWith(key.fingerprint() + " ");
        assertThat(Files.readString(unzipped.resolve(EvidencePack.VERIFY))).contains(key.fingerprint())
                .contains(String.join(" ", openssl()));

        Path alerts = unzipped.resolve("data/alerts.csv");
        byte[] original = Files.readAllBytes(alerts);
        Files.writeString(alerts, Files.readString(alerts).replace("OPEN", "ACKNOWLEDGED"));
        Run tampered = run(unzipped, "sha256sum", "-c", EvidencePack.MANIFEST);
        assertThat(tampered.code()).isNotZero();
        assertThat(tampered.output()).contains("data/alerts.csv: FAILED").contains("report.pdf: OK");
        Files.write(alerts, original);

        Path manifest = unzipped.resolve(EvidencePack.MANIFEST);
        List<String> lines = Files.readAllLines(manifest);
        Files.write(manifest, lines.stream().filter(l -> !l.endsWith("data/alerts.csv")).toList());
        assertThat(run(unzipped, "sha256sum", "-c", EvidencePack.MANIFEST).code()).as("the shortened manifest still lists good files")
                .isZero();
        Run forged = run(unzipped, openssl());
        assertThat(forged.code()).isNotZero();
        assertThat(forged.output()).contains("Signature Verification Failure");
    }

    @Test
    void theDataFilesDescribeTheBackupTheStoreHolds() throws Exception {
        Path unzipped = unzip(export("data.zip"));

        JsonNode segments = json.readTree(unzipped.resolve("data/segments.json").toFile());
        assertThat(segments.size()).isGreaterThanOrEqualTo(3);
        for (JsonNode segment : segments) {
            byte[] object = Files.readAllBytes(dir.resolve("store").resolve(segment.get("key").asText()));
            assertThat(segment.get("sha256").asText()).isEqualTo(Sha256.hex(object));
            assertThat(segment.get("size_bytes").asLong()).isEqualTo(object.length);
            assertThat(segment.get("retention_mode").asText()).isEqualTo("GOVERNANCE");
            assertThat(segment.get("checked").asBoolean()).isTrue();
            assertThat(segment.get("store_retention_mode").asText()).isEqualTo("GOVERNANCE");
            assertThat(segment.get("enforced_by_store").asBoolean()).as("a local folder enforces nothing").isFalse();
        }
        JsonNode coverage = json.readTree(unzipped.resolve("data/coverage.json").toFile());
        assertThat(coverage).extracting(n -> n.get("topic").asText() + "=" + n.get("records").asLong())
                .containsExactly("evidence.orders=300", "evidence.refunds=300");
        JsonNode rpo = json.readTree(unzipped.resolve("data/rpo.json").toFile());
        assertThat(rpo).extracting(n -> n.get("topic").asText()).containsExactly("evidence.orders", "evidence.refunds");
        for (JsonNode topic : rpo) {
            assertThat(topic.get("samples").asLong()).isPositive();
            assertThat(topic.get("lag_p50_seconds").asDouble()).isLessThanOrEqualTo(topic.get("lag_p95_seconds").asDouble());
            assertThat(topic.get("lag_p95_seconds").asDouble()).isLessThanOrEqualTo(topic.get("lag_p99_seconds").asDouble());
            assertThat(topic.get("lag_p99_seconds").asDouble()).isLessThanOrEqualTo(topic.get("lag_max_seconds").asDouble());
            assertThat(topic.get("lag_p50_records").asLong()).isLessThanOrEqualTo(topic.get("lag_p95_records").asLong());
            assertThat(topic.get("lag_p95_records").asLong()).isLessThanOrEqualTo(topic.get("lag_p99_records").asLong());
            assertThat(topic.get("lag_p99_records").asLong()).isLessThanOrEqualTo(topic.get("lag_max_records").asLong());
        }
        assertThat(rpo.get(0).get("job").asText()).isEqualTo("payments");
        assertThat(json.readTree(unzipped.resolve("data/alerts.json").toFile())).extracting(n -> n.get("message").asText())
                .contains("alert 0 of the test", "alert " + (ALERTS - 1) + " of the test", "alert 1 of the test" + LONG_MESSAGE);
        JsonNode restores = json.readTree(unzipped.resolve("data/restores.json").toFile());
        assertThat(restores).singleElement().satisfies(r -> {
            assertThat(r.get("verification").asText()).isEqualTo("passed");
            assertThat(r.get("verify_seconds").asDouble()).isEqualTo(1.25);
        });
        assertThat(Files.readString(unzipped.resolve("data/alerts.csv"))).startsWith("id,at,job,type,severity,topic,partition,message,"
                + "state,acknowledged_by,acknowledged_at,comment\r\n");
        JsonNode info = json.readTree(unzipped.resolve(EvidencePack.INFO).toFile());
        assertThat(info.get("from").asText()).isEqualTo(period.from().toString());
        assertThat(info.get("audit_trail_available").asBoolean()).isTrue();
        assertThat(info.get("restore_drills_available").asBoolean()).isTrue();
        JsonNode drills = json.readTree(unzipped.resolve("data/restore-drills.json").toFile());
        assertThat(drills).extracting(n -> n.get("id").asLong() + " " + n.get("mode").asText() + " " + n.get("topics").asText() + " "
                + n.get("state").asText() + " " + n.get("records").asLong() + " " + n.get("bytes").asLong())
                .containsExactly(stoppedDrill.id() + " VERIFY evidence.refunds STOPPED 0 0",
                        passedDrill.id() + " RESTORE evidence.orders PASSED 300 14336",
                        failedDrill.id() + " VERIFY evidence.orders,evidence.refunds FAILED 300 9216");
        assertThat(drills.get(0).get("finding").asText()).isEqualTo("stopped: no sign of life since "
                + TIME_OF_DAY.format(stoppedDrill.startedAt()) + " UTC — the program running it was killed or crashed");
        assertThat(drills.get(0).get("finished_at").isNull()).isTrue();
        assertThat(drills.get(0).get("updated_at").asText()).isEqualTo(stoppedDrill.startedAt().toString());
        assertThat(drills.get(1).get("finding").isNull()).isTrue();
        assertThat(drills.get(2).get("finding").asText()).isEqualTo(DRILL_FINDING);
        assertThat(drills.get(2).get("restore_point").asText()).isEqualTo(failedDrill.restorePoint().toString());
        assertThat(Files.readString(unzipped.resolve("data/restore-drills.csv"))).startsWith("id,job,mode,topics,restore_point,"
                + "started_at,finished_at,updated_at,state,records,bytes,finding,leftover\r\n").contains(DRILL_FINDING);
        JsonNode audit = json.readTree(unzipped.resolve("data/audit-log.json").toFile());
        assertThat(audit).extracting(n -> n.get("sequence").asLong() + " " + n.get("action").asText() + " " + n.get("target").asText())
                .as("the job, each alert raised (issue #7), then the restore").startsWith("1 job.add payments", "2 alert.raise payments")
                .anyMatch(e -> e.matches("\\d+ restore\\.start restore #1")).anyMatch(e -> e.matches("\\d+ restore\\.verify restore #1"));
        for (int i = 1; i < audit.size(); i++) {
            assertThat(audit.get(i).get("prev_hash").asText()).isEqualTo(audit.get(i - 1).get("hash").asText());
        }
        assertThat(Files.readString(unzipped.resolve("data/audit-log.csv"))).startsWith("sequence,at,actor,action,target,parameters,"
                + "outcome,reason,prev_hash,hash\r\n");
        assertThat(info.get("row_limit").asInt()).isEqualTo(EvidenceCollector.ROW_LIMIT);
        assertThat(info.get("cut_at_row_limit")).isEmpty();
    }

    @Test
    void alertsAndHistoryBeyondTheRowLimitAreCutToTheNewestAndThePackSaysSo() throws Exception {
        int limit = ALERTS - 20;
        Path out = dir.resolve("cut.zip");
        new EvidencePack(collect(List.of("local"), limit), EvidenceKey.loadOrCreate(data)).writeTo(out, false);
        Path unzipped = unzip(out);

        assertThat(json.readTree(unzipped.resolve("data/alerts.json").toFile())).hasSize(limit);
        assertThat(json.readTree(unzipped.resolve("data/job-history.json").toFile())).hasSize(limit);
        JsonNode info = json.readTree(unzipped.resolve(EvidencePack.INFO).toFile());
        assertThat(info.get("row_limit").asInt()).isEqualTo(limit);
        assertThat(info.get("cut_at_row_limit")).extracting(JsonNode::asText).containsExactly("alerts", "job-history");
        assertThat(reportText(unzipped)).contains("More than " + limit + " alerts raised; of the newest " + limit + ", ")
                .contains("The period has more alerts than a pack lists: data/alerts.csv holds the newest " + limit
                        + ", the older ones are only in the state database. Export shorter periods to have every one on record.")
                .contains("The period has more job history entries than a pack lists: data/job-history.csv holds the newest "
                        + limit + ",");
        assertThatThrownBy(() -> collect(List.of("local"), 0)).hasMessageContaining("row limit must be positive");
    }

    @Test
    void theReportIsReadableTextWithEverySectionAndTheNumbersOfTheData() throws Exception {
        Path unzipped = unzip(export("report.zip"));

        String text;
        int pages;
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(unzipped.resolve(EvidencePack.REPORT)))) {
            pages = pdf.getNumberOfPages();
            assertThat(pdf.getDocumentInformation().getTitle()).startsWith("Backup and recovery evidence, ");
            // Lines wrapped in a cell or a paragraph read as words apart.
            text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("Backup and recovery evidence", "Summary", "1 Scope", "2 Backup coverage and recovery point",
                "3 Gaps and incidents", "4 Retention and Object Lock", "5 Restores and their verification", "6 Restore drills",
                "7 Audit trail", "8 Control mapping", "Verifying this pack");
        assertThat(text).doesNotContain("than a pack lists");
        assertThat(text).contains("3 restore drills started in the period: 1 passed, 1 failed, 1 stopped (never ended: their"
                        + " program was killed or crashed). The last failure: drill #"
                        + failedDrill.id() + " of job payments (verify) started at " + failedDrill.startedAt() + ": " + DRILL_FINDING
                        + " File: data/restore-drills.csv.")
                .contains("Id Job Mode Topics Started at (UTC) State Finding")
                .contains(passedDrill.id() + " payments RESTORE").contains(failedDrill.id() + " payments VERIFY")
                .contains(stoppedDrill.id() + " payments VERIFY evidence.refunds")
                .contains("STOPPED stopped: no sign of life since " + TIME_OF_DAY.format(stoppedDrill.startedAt()));
        int entries = json.readTree(unzipped.resolve("data/audit-log.json").toFile()).size();
        assertThat(text).contains("The audit chain of " + entries + " entries verified, 1 anchor in 1 store match. " + entries
                        + " entries in the period. File: data/audit-log.csv.")
                .contains("Sequence At (UTC) Actor Action Target Outcome").contains("job.add payments OK");
        assertThat(text).doesNotContain("not available");
        assertThat(text).contains("Art. 12(1)", "Art. 12(2)", "Art. 12(3)", "Art. 12(4)", "business continuity", "supply chain",
                "incident handling", "audit trail");
        JsonNode alerts = json.readTree(unzipped.resolve("data/alerts.json").toFile());
        long critical = 0;
        for (JsonNode alert : alerts) {
            critical += alert.get("severity").asText().equals("CRITICAL") ? 1 : 0;
        }
        assertThat(critical).isPositive();
        assertThat(text).contains(alerts.size() + " alerts raised (" + critical + " critical, " + alerts.size() + " still open)")
                .contains("1 restore ran or changed: 1 verified complete, 0 failed verification.");
        JsonNode rpo = json.readTree(unzipped.resolve("data/rpo.json").toFile());
        for (JsonNode topic : rpo) {
            assertThat(text).contains(topic.get("topic").asText() + " " + topic.get("samples").asText() + " "
                    + topic.get("lag_p50_seconds").asText() + " " + topic.get("lag_p95_seconds").asText() + " "
                    + topic.get("lag_p99_seconds").asText() + " " + topic.get("lag_max_seconds").asText() + " "
                    + topic.get("lag_p50_records").asText() + " " + topic.get("lag_p95_records").asText() + " "
                    + topic.get("lag_p99_records").asText() + " " + topic.get("lag_max_records").asText());
        }
        assertThat(pages).isGreaterThan(3);
        assertThat(text).contains("Page 1 of " + pages, "Page " + pages + " of " + pages);
        // The alerts table runs over several pages, its header repeated on each.
        assertThat(text.split(Pattern.quote("Time (UTC) Job Alert Severity Topic State What happened"), -1).length - 1)
                .isGreaterThan(1);
        assertThat(text).contains("alert 0 of the test", "alert " + (ALERTS - 1) + " of the test", "alert 1 of the test: stack frame/",
                "(more in CSV)");
    }

    @Test
    void anAuditEntryEditedInTheStateDatabaseIsAFindingOfThePack() throws Exception {
        Path copy = dir.resolve("data-edited");
        try (Stream<Path> files = Files.walk(data)) {
            for (Path from : files.toList()) {
                Files.copy(from, copy.resolve(data.relativize(from).toString()));
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + copy.toAbsolutePath().resolve("state") + ";AUTO_SERVER=TRUE",
                "kaf-mirror", ""); Statement s = c.createStatement()) {
            s.execute("UPDATE audit_entry SET target = 'refunds' WHERE seq = 1");
        }
        Path out = dir.resolve("edited.zip");
        new EvidencePack(collect(copy, List.of("local"), EvidenceCollector.ROW_LIMIT), EvidenceKey.loadOrCreate(copy)).writeTo(out, false);
        Path unzipped = unzip(out);

        assertThat(json.readTree(unzipped.resolve("data/audit-log.json").toFile()).get(0).get("target").asText()).isEqualTo("refunds");
        assertThat(reportText(unzipped)).contains(" entries does NOT verify against itself and 1 anchor in 1 store: 1 break found:"
                + " entry 1 was edited (its hash does not match its content).");
    }

    @Test
    void anExportIsAuditedWithItsPeriodFileAndManifestHashAndARefusedOneWithItsReason() throws Exception {
        PackExport export = new PackExport(config, data, () -> StateDatabase.open(data, "console"), "test", Clock.systemUTC());
        Path out = dir.resolve("audited.zip");

        PackExport.Exported pack = export.write(period, List.of(), out, false);
        assertThatThrownBy(() -> export.write(period, List.of(), out, false)).hasMessageContaining("already exists");
        assertThatThrownBy(() -> export.write(period, List.of("vault"), dir.resolve("vault.zip"), false))
                .isInstanceOf(ConfigException.class);

        byte[] manifest = Files.readAllBytes(unzip(out).resolve(EvidencePack.MANIFEST));
        assertThat(pack.manifestSha256()).isEqualTo(Sha256.hex(manifest));
        assertThat(pack.sizeBytes()).isEqualTo(Files.size(out));
        assertThat(pack.stores()).containsExactly("local");
        assertThat(pack.keyFingerprint()).isEqualTo(EvidenceKey.loadOrCreate(data).fingerprint());
        try (StateDatabase state = StateDatabase.open(data, "test")) {
            List<AuditEntry> exports = state.audit().list(AuditFilter.all().ofAction("evidence.export"));
            // The data folder has no users: whoever runs the test acts, as the operating-system user.
            String actor = Principal.unclaimed().name();
            assertThat(exports).extracting(AuditEntry::actor, AuditEntry::target, AuditEntry::outcome).containsExactly(
                    tuple(actor, out.toString(), AuditOutcome.OK), tuple(actor, out.toString(), AuditOutcome.REFUSED),
                    tuple(actor, dir.resolve("vault.zip").toString(), AuditOutcome.REFUSED));
            assertThat(exports.get(0).parameters()).contains("\"manifest_sha256\":\"" + Sha256.hex(manifest) + "\"",
                    "\"file\":\"audited.zip\"", "\"from\":\"" + period.from() + "\"", "\"to\":\"" + period.to() + "\"",
                    "\"stores\":[\"local\"]", "\"signing_key_sha256\":\"" + pack.keyFingerprint() + "\"");
            assertThat(exports.get(1).reason()).contains("already exists");
            assertThat(exports.get(2).reason()).contains("no store 'vault'");
            assertThat(exports.get(2).parameters()).contains("\"stores\":[\"vault\"]");
        }
    }

    @Test
    void aLargeStoreIsCheckedAtEvenlySpreadSegmentsTheFirstIncluded() {
        try (OpenStores stores = new OpenStores(config, data)) {
            SegmentArchive archive = stores.archive("local");
            List<CatalogEntry> entries = archive.catalog().all();
            assertThat(entries.size()).isGreaterThanOrEqualTo(3);

            SegmentInventory.Result result = new SegmentInventory("local", archive, entries, Instant.now(), 2).take();

            List<Boolean> checked = result.segments().stream().map(r -> (Boolean) r.get(SegmentInventory.COLUMNS.indexOf("checked")))
                    .toList();
            assertThat(checked).hasSize(entries.size()).first().isEqualTo(true);
            assertThat(checked.stream().filter(c -> c).count()).isEqualTo(2);
            assertThat(result.lock().get(SegmentInventory.LOCK_COLUMNS.indexOf("coverage")))
                    .isEqualTo("sample of 2 of " + entries.size());
        }
    }

    @Test
    void aStoreWhoseCatalogIsLostIsReportedWithTheCommandThatRebuildsIt() {
        try (OpenStores stores = new OpenStores(config, dir.resolve("data-without-catalog"))) {
            SegmentInventory.Result result = new SegmentInventory("local", stores.archive("local"), List.of(), Instant.now()).take();

            assertThat(result.segments()).isEmpty();
            assertThat((String) result.lock().get(SegmentInventory.LOCK_COLUMNS.indexOf("warnings")))
                    .contains("The catalog lists no segment, but the store holds some: run 'kaf-mirror store rebuild-catalog'");
        }
    }

    @Test
    void badInputIsRefusedNamingWhatToChange() throws IOException {
        assertThatThrownBy(() -> new EvidencePeriod(Instant.parse("2026-12-02T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("starts at 2026-12-02T00:00:00Z (--from), after its end 2026-12-01T00:00:00Z (--to)");
        assertThatThrownBy(() -> collect(List.of("vault")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("no store 'vault'").hasMessageContaining("local");
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
        assertThatThrownBy(() -> export(notAFolder.resolve("pack.zip")))
                .hasMessageContaining("Cannot write the evidence pack " + notAFolder.resolve("pack.zip"))
                .hasMessageContaining("--out");
        assertThatThrownBy(() -> export(dir.resolve("missing/pack.zip")))
                .hasMessageContaining("the folder " + dir.resolve("missing") + " does not exist");
        Path existing = Files.writeString(dir.resolve("taken.zip"), "not a pack");
        assertThatThrownBy(() -> export(existing)).hasMessageContaining("already exists").hasMessageContaining("--overwrite");
        assertThat(Files.readString(existing)).isEqualTo("not a pack");
        assertThat(dir.resolve("missing")).doesNotExist();
    }

    private EvidenceData collect(List<String> stores) {
        return collect(stores, EvidenceCollector.ROW_LIMIT);
    }

    private EvidenceData collect(List<String> stores, int rowLimit) {
        return collect(data, stores, rowLimit);
    }

    private EvidenceData collect(Path dataDir, List<String> stores, int rowLimit) {
        try (StateDatabase state = StateDatabase.open(dataDir, "test"); OpenStores open = new OpenStores(config, dataDir)) {
            return new EvidenceCollector(config, state, open, new DrillFindings(state),
                    new AuditFindings(state, new AuditAnchoring(config, state, Clock.systemUTC())), Clock.systemUTC(), "test", rowLimit)
                    .collect(period, stores);
        }
    }

    private static String reportText(Path unzipped) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(unzipped.resolve(EvidencePack.REPORT)))) {
            // Lines wrapped in a cell or a paragraph read as words apart.
            return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
    }

    private Path export(String name) {
        return export(dir.resolve(name));
    }

    private Path export(Path out) {
        new EvidencePack(collect(List.of("local")), EvidenceKey.loadOrCreate(data)).writeTo(out, false);
        return out;
    }

    private Path unzip(Path zip) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(zip.getFileName() + ".unzipped"));
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
                Path file = folder.resolve(e.getName());
                Files.createDirectories(file.getParent());
                Files.write(file, entries.readAllBytes());
            }
        }
        return folder;
    }

    private static String[] openssl() {
        return new String[] {"openssl", "pkeyutl", "-verify", "-pubin", "-inkey", EvidencePack.PUBLIC_KEY, "-rawin", "-in",
                EvidencePack.MANIFEST, "-sigfile", EvidencePack.SIGNATURE};
    }

    private static void requireTools() {
        for (String tool : List.of("sha256sum", "openssl")) {
            boolean found = List.of(System.getenv("PATH").split(":")).stream().anyMatch(p -> Files.isExecutable(Path.of(p, tool)));
            assumeTrue(found, tool + " is not installed: the pack cannot be checked with the auditor's own tools here");
        }
    }

    private static Run run(Path folder, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command) + " finished").isTrue();
        return new Run(process.exitValue(), output);
    }

    private record Run(int code, String output) {
    }

    private static boolean storedUpTo(BackupRunner runner, StateDatabase state, String topic, long offset) {
        runner.sample();
        List<MetricSample> latest = state.metrics().latest("payments").stream().filter(s -> s.topic().equals(topic)).toList();
        return !latest.isEmpty() && latest.stream().allMatch(s -> s.storedOffset() == offset);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("time waiting for " + what).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
