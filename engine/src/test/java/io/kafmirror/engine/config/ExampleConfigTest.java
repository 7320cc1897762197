package io.kafmirror.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.kfs.format.SegmentCodec;
import io.kafmirror.kfs.store.ObjectRetention;
import io.kafmirror.kfs.store.RetentionMode;
import io.kafmirror.kfs.store.S3Encryption;
import io.kafmirror.kfs.store.SegmentStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Test;

/** The documented example must always load and mean what its comments say, so it cannot drift from the code. */
class ExampleConfigTest {

    static final Path EXAMPLE = Path.of("..", "configs", "example.yml");
    static final Map<String, String> ENV = Map.of("KAFKA_USER", "mirror", "KAFKA_PASS", "kafka-secret",
            "KS_PASS", "store-secret", "KEY_PASS", "key-secret", "CC_API_KEY", "ABCDEF", "CC_API_SECRET", "cc-secret",
            "S3_KEY", "AKIAEXAMPLE", "S3_SECRET", "s3-secret");

    final MirrorConfig config = new ConfigLoader(ENV).load(EXAMPLE);

    @Test
    void definesTheDocumentedClustersStoresAndJobs() {
        assertThat(config.clusters()).containsOnlyKeys("prod", "secure-dc2", "confluent", "msk", "dev");
        assertThat(config.stores()).containsOnlyKeys("vault", "aws", "laptop");
        assertThat(config.jobs()).containsOnlyKeys("orders", "audit-to-laptop");
    }

    @Test
    void clustersConnectAsDescribed() {
        assertThat(config.cluster("prod").clientProperties()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512").containsEntry("client.dns.lookup", "use_all_dns_ips")
                .containsEntry("fetch.max.bytes", "52428800");
        assertThat(config.cluster("secure-dc2").clientProperties()).containsEntry("security.protocol", "SSL")
                .containsEntry("ssl.keystore.password", "store-secret").containsEntry("ssl.key.password", "key-secret")
                .containsEntry("ssl.truststore.location", EXAMPLE.toAbsolutePath().getParent().resolve("ca/dc2-ca.pem").normalize().toString())
                .containsEntry("bootstrap.servers", "kafka.dc2.internal:9094");
        assertThat(config.cluster("confluent").clientProperties()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "PLAIN").doesNotContainKey("ssl.truststore.location");
        assertThat(config.cluster("msk").clientProperties()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "AWS_MSK_IAM");
        assertThat(config.cluster("dev").clientProperties()).containsEntry("security.protocol", "PLAINTEXT");
    }

    @Test
    void storesMapOntoKfsStorage() {
        S3BucketConfig vault = (S3BucketConfig) config.store("vault");
        assertThat(vault.toStoreConfig().encryption()).isEqualTo(S3Encryption.sseKms("arn:aws:kms:eu-central-1:111122223333:key/backup"));
        assertThat(vault.toStoreConfig().secretKey()).isEqualTo("s3-secret");
        assertThat(vault.socketTimeout()).isEqualTo(Duration.ofMinutes(1));
        try (SegmentStore store = vault.open()) {
            assertThat(store.location()).isEqualTo("s3://kafka-backup/prod/");
        }
        assertThat(((S3BucketConfig) config.store("aws")).toStoreConfig().hasStaticCredentials()).isFalse();
        assertThat(((LocalStoreConfig) config.store("laptop")).path())
                .isEqualTo(Path.of(System.getProperty("user.home"), "kaf-mirror", "segments"));
    }

    @Test
    void jobsSelectAndLockAsCommented() {
        JobConfig orders = config.job("orders");
        assertThat(orders.topics().selectFrom(java.util.List.of("orders.eu", "payments", "orders.eu.tmp", "_confluent-metrics",
                "__consumer_offsets", "xorders"))).containsExactly("orders.eu", "payments");
        assertThat(orders.compression()).isEqualTo(SegmentCodec.ZSTD);
        assertThat(orders.drills()).extracting(DrillSchedule::describe).containsExactly("daily at 02:00 UTC, restore of orders",
                "weekly on sunday at 03:30 Europe/Berlin, verify of payments");
        assertThat(orders.isolation()).isEqualTo(IsolationLevel.READ_COMMITTED);
        Instant sealed = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(orders.retention().forTopic("payments.eu", sealed))
                .isEqualTo(ObjectRetention.of(RetentionMode.GOVERNANCE, sealed.plus(Duration.ofDays(2555))));
        assertThat(orders.retention().forTopic("orders.test.1", sealed)).isEqualTo(ObjectRetention.NONE);
        assertThat(orders.retention().forTopic("orders.eu", sealed))
                .isEqualTo(ObjectRetention.of(RetentionMode.COMPLIANCE, sealed.plus(Duration.ofDays(30))));

        TopicSelection audit = config.job("audit-to-laptop").topics();
        assertThat(audit.matches("audit.v12")).isTrue();
        assertThat(audit.matches("audit-legacy")).isTrue();
        assertThat(config.job("audit-to-laptop")).isEqualTo(JobConfig.of("dev", "laptop", audit));
    }

    @Test
    void noSecretOfTheEnvironmentShowsWhenPrintedOrWritten() {
        String printed = config.toString();
        String written = new ConfigWriter().toYaml(config);

        for (String name : new String[] {"KAFKA_PASS", "KS_PASS", "KEY_PASS", "CC_API_SECRET", "S3_KEY", "S3_SECRET"}) {
            assertThat(printed).doesNotContain(ENV.get(name));
            assertThat(written).doesNotContain(ENV.get(name)).contains("${" + name + "}");
        }
    }

    @Test
    void survivesBeingWrittenAndReadBack() {
        String written = new ConfigWriter().toYaml(config);

        assertThat(new ConfigLoader(ENV).read(written, MirrorConfig.class, "written.yml")).isEqualTo(config);
    }
}
