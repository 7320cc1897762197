package io.kafmirror.engine.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kafmirror.engine.audit.AuditAnchoring;
import io.kafmirror.engine.config.ConfigLoader;
import io.kafmirror.engine.config.ConfigWriter;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.config.Passphrase;
import io.kafmirror.engine.config.SealedSecrets;
import io.kafmirror.engine.run.BackupRunner;
import io.kafmirror.engine.run.DeclaredJobs;
import io.kafmirror.engine.run.OpenStores;
import io.kafmirror.engine.state.AuditAction;
import io.kafmirror.engine.state.AuditEntry;
import io.kafmirror.engine.state.AuditFilter;
import io.kafmirror.engine.state.AuditOutcome;
import io.kafmirror.engine.state.MetricSample;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.SourceProducer;
import io.kafmirror.kfs.store.S3MockServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A SASL password (encrypted in the file) and an S3 secret key (from the environment) used for a real backup into the S3
 * server, a configuration save audited as the console does it, and an evidence pack: neither secret is anywhere in the
 * state database's files, the log, the audit trail or the pack.
 */
class SecretsNeverInClearTest {

    static final String S3_SECRET = "s3-Secret-9f2Kq7Lw";
    static final String PASSPHRASE = "never in clear";

    @TempDir
    Path dir;

    private final KafkaTestBroker broker = KafkaTestBroker.shared();
    private final S3MockServer s3 = S3MockServer.shared();

    @Test
    void noSecretReachesTheStateDatabaseTheLogTheAuditTrailOrTheEvidencePack() throws Exception {
        String topic = "clear.orders";
        broker.createTopic(topic, 1, Map.of());
        String bucket = s3.createBackupBucket("never-in-clear");
        String encrypted = new SealedSecrets(Passphrase.of(PASSPHRASE)).encrypt(KafkaTestBroker.SCRAM_PASSWORD);
        String yaml = """
                clusters:
                  prod:
                    brokers: "%s"
                    security: { sasl_mechanism: SCRAM-SHA-512, sasl_username: %s, sasl_password: "%s" }
                stores:
                  vault: { type: s3, bucket: %s, endpoint: "%s", access_key: backup-writer, secret_key: "${S3_SECRET}" }
                jobs:
                  orders:
                    source: prod
                    store: vault
                    topics: "clear\\\\..*"
                    flush: { max_bytes: 16KiB, max_linger: 200ms }
                """.formatted(broker.scramBootstrap(), KafkaTestBroker.SCRAM_USER, encrypted, bucket, s3.endpoint());
        MirrorConfig config = new ConfigLoader(Map.of("S3_SECRET", S3_SECRET, Passphrase.VARIABLE, PASSPHRASE))
                .read(yaml, MirrorConfig.class, "config.yml");
        Path data = dir.resolve("data");
        Instant start = Instant.now().minusSeconds(60);
        ListAppender<ILoggingEvent> log = captureLog();
        try {
            try (StateDatabase state = StateDatabase.open(data, "test");
                 BackupRunner runner = new BackupRunner(config, state, data, Clock.systemUTC());
                 SourceProducer producer = SourceProducer.to(broker.bootstrap())) {
                state.audit().append(AuditAction.CONFIG_SAVE, "config.yml", Map.of("clusters", tree(config.clusters()),
                        "stores", tree(config.stores())), AuditOutcome.OK, null);
                DeclaredJobs.apply(config, state.jobs());
                runner.reconcile();
                for (int i = 0; i < 200; i++) {
                    producer.send(topic, 0, "order-" + i, "{\"n\":" + i + "}");
                }
                producer.confirm();
                awaitStored(runner, state, topic, 200);
                new AuditAnchoring(config, state, Clock.systemUTC()).anchor(List.of());
            }
            Path pack = dir.resolve("pack.zip");
            try (StateDatabase state = StateDatabase.open(data, "test"); OpenStores open = new OpenStores(config, data)) {
                EvidenceData evidence = new EvidenceCollector(config, state, open, new DrillFindings(state),
                        new AuditFindings(state, new AuditAnchoring(config, state, Clock.systemUTC())), Clock.systemUTC(),
                        "test", EvidenceCollector.ROW_LIMIT).collect(new EvidencePeriod(start, Instant.now().plusSeconds(60)),
                        List.of("vault"));
                new EvidencePack(evidence, EvidenceKey.loadOrCreate(data)).writeTo(pack, false);
                List<AuditEntry> audit = state.audit().list(AuditFilter.all());
                assertThat(audit).extracting(AuditEntry::action).contains("config.save");
                assertThat(audit.toString()).doesNotContain(KafkaTestBroker.SCRAM_PASSWORD, S3_SECRET, PASSPHRASE);
            }

            assertThat(log.list).as("the backup logged").isNotEmpty();
            assertThat(logText(log)).doesNotContain(KafkaTestBroker.SCRAM_PASSWORD, S3_SECRET, PASSPHRASE);
            List<String> packFiles = packContents(pack);
            assertThat(packFiles).as("files of the evidence pack").hasSizeGreaterThan(5)
                    .noneMatch(text -> text.contains(KafkaTestBroker.SCRAM_PASSWORD) || text.contains(S3_SECRET));
            try (Stream<Path> files = Files.walk(data)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                    assertThat(bytes).as(file.toString()).doesNotContain(KafkaTestBroker.SCRAM_PASSWORD, S3_SECRET, PASSPHRASE);
                }
            }
        } finally {
            release(log);
        }
    }

    // The console audits a save with the clusters and stores as ConfigWriter writes them: the worst case for the trail.
    private static Object tree(Object part) throws Exception {
        return new YAMLMapper().readValue(new ConfigWriter().toYaml(part), new TypeReference<Map<String, Object>>() { });
    }

    private static void awaitStored(BackupRunner runner, StateDatabase state, String topic, long count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            runner.sample();
            long stored = state.metrics().latest("orders").stream().filter(s -> s.topic().equals(topic))
                    .mapToLong(MetricSample::storedOffset).sum();
            if (stored == count) {
                return;
            }
            assertThat(System.nanoTime()).as("time waiting for " + count + " records stored").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    // kaf-mirror's own loggers and the Kafka clients it drives, at INFO, where kafka-clients prints its whole configuration.
    private static ListAppender<ILoggingEvent> captureLog() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext(context);
        appender.start();
        for (String name : List.of("io.kafmirror", "org.apache.kafka.clients", "org.apache.kafka.common.security")) {
            Logger logger = context.getLogger(name);
            logger.addAppender(appender);
            if (!logger.isInfoEnabled()) {
                logger.setLevel(Level.INFO);
            }
        }
        return appender;
    }

    private static void release(ListAppender<ILoggingEvent> appender) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        for (String name : List.of("io.kafmirror", "org.apache.kafka.clients", "org.apache.kafka.common.security")) {
            context.getLogger(name).detachAppender(appender);
        }
        context.getLogger("org.apache.kafka.clients").setLevel(null);
        context.getLogger("org.apache.kafka.common.security").setLevel(null);
        appender.stop();
    }

    private static String logText(ListAppender<ILoggingEvent> log) {
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent event : List.copyOf(log.list)) {
            text.append(event.getFormattedMessage()).append('\n');
            if (event.getThrowableProxy() != null) {
                text.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
            }
        }
        return text.toString();
    }

    // Each file of the pack as text; the PDF's text as a reader sees it, since its streams are compressed.
    private static List<String> packContents(Path zip) throws Exception {
        List<String> contents = new ArrayList<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                entries.transferTo(bytes);
                if (e.getName().endsWith(".pdf")) {
                    try (PDDocument pdf = Loader.loadPDF(bytes.toByteArray())) {
                        contents.add(new PDFTextStripper().getText(pdf));
                    }
                } else {
                    contents.add(bytes.toString(StandardCharsets.UTF_8));
                }
            }
        }
        return contents;
    }
}
