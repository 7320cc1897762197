package io.kafmirror.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafmirror.kfs.store.RetentionMode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading, and above all the messages people get when a configuration is wrong. */
class ConfigLoaderTest {

    static final Map<String, String> ENV = Map.of("KAFKA_USER", "mirror", "KAFKA_PASS", "kafka-secret");
    static final String VALID = """
            clusters:
              prod:
                brokers: "k1:9093,k2:9093"
                security:
                  sasl_mechanism: SCRAM-SHA-512
                  sasl_username: "${KAFKA_USER}"
                  sasl_password: "${KAFKA_PASS}"
            stores:
              laptop:
                type: local
                path: /tmp/kfs
            jobs:
              orders:
                source: prod
                store: laptop
                topics: "orders.*"
            """;

    @TempDir
    Path folder;

    @Test
    void loadsAndExpandsTheEnvironment() {
        MirrorConfig config = load(VALID);

        SecurityConfig security = config.cluster("prod").security();
        assertThat(security.saslUsername()).isEqualTo("mirror");
        assertThat(security.saslPassword().reveal()).isEqualTo("kafka-secret");
        assertThat(security.saslPassword().writtenAs()).contains("${KAFKA_PASS}");
        assertThat(config.job("orders").topics().matches("orders.eu")).isTrue();
    }

    @Test
    void anyScalarMayComeFromTheEnvironmentWithAFallback() {
        MirrorConfig config = load("""
                clusters:
                  dev:
                    brokers: "${BROKERS:-localhost:9092}"
                    security:
                      tls:
                        verify_hostname: ${VERIFY:-false}
                stores:
                  s3:
                    type: s3
                    bucket: b
                    endpoint: http://127.0.0.1:9000
                    upload_parallelism: ${PARALLELISM:-8}
                    part_size: ${PART:-6MiB}
                """);

        assertThat(config.cluster("dev").brokers()).isEqualTo("localhost:9092");
        assertThat(config.cluster("dev").security().tls().verifyHostname()).isFalse();
        S3BucketConfig s3 = (S3BucketConfig) config.store("s3");
        assertThat(s3.uploadParallelism()).isEqualTo(8);
        assertThat(s3.partSize()).isEqualTo(6L << 20);
    }

    @Test
    void unquotedValuesStayAsWrittenRatherThanYaml11Numbers() {
        MirrorConfig config = load("""
                clusters:
                  p:
                    brokers: "a:1"
                    security: { sasl_mechanism: PLAIN, sasl_username: 0x1F, sasl_password: 0123 }
                    properties: { x: yes, y: 1e3, z: 12.50, fetch.max.bytes: 52428800 }
                """);

        assertThat(config.cluster("p").security().saslPassword().reveal()).isEqualTo("0123");
        assertThat(config.cluster("p").security().saslUsername()).isEqualTo("0x1F");
        assertThat(config.cluster("p").properties().revealed())
                .containsExactly(Map.entry("x", "yes"), Map.entry("y", "1e3"), Map.entry("z", "12.50"),
                        Map.entry("fetch.max.bytes", "52428800"));
        assertProblem(VALID + "    commit_offsets: yes\n", 17, 5, "jobs.orders.commit_offsets")
                .hasMessageContaining("'yes' is not true or false");
    }

    @Test
    void anUnsetVariableIsNamedWithItsPlace() {
        assertProblem(VALID.replace("${KAFKA_PASS}", "${KAFKA_PASSWORD}"), 7, 7, "clusters.prod.security.sasl_password")
                .hasMessageContaining("the environment variable KAFKA_PASSWORD is not set");
    }

    @Test
    void anUnknownKeyIsNamedWithTheKeysThatBelongThere() {
        assertProblem(VALID.replace("brokers:", "brokerz:"), 3, 5, "clusters.prod.brokerz")
                .hasMessageContaining("unknown key 'brokerz'")
                .hasMessageContaining("(the keys here are brokers, properties, security)");
    }

    @Test
    void anUnknownTopLevelKey() {
        assertProblem("cluster:\n  prod: {}\n", 1, 1, "cluster").hasMessageContaining("unknown key 'cluster'")
                .hasMessageContaining("clusters, jobs, stores");
    }

    @Test
    void malformedYamlIsReportedWithItsLine() {
        assertThatThrownBy(() -> load("clusters:\n  prod:\n    brokers: \"k1:9092\n  dev: x\n"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.line()).isPositive())
                .hasMessageStartingWith("test.yml:3:")
                .hasMessageContaining("this is not valid YAML (while scanning a quoted scalar")
                .hasMessageContaining("check the indentation");
        assertThatThrownBy(() -> load("clusters:\n  prod:\n    brokers: a\n   security: {}\n"))
                .hasMessageContaining("this is not valid YAML");
    }

    @Test
    void aDuplicateKeyIsAnError() {
        assertThatThrownBy(() -> load("clusters:\n  prod:\n    brokers: \"a:1\"\n    brokers: \"b:1\"\n"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.line()).isEqualTo(4))
                .hasMessageContaining("the key 'brokers' is written twice");
    }

    @Test
    void aBadSizeIsNamedAndExplained() {
        assertProblem(VALID + "    flush:\n      max_bytes: 16MB\n", 18, 7, "jobs.orders.flush.max_bytes")
                .hasMessageContaining("'16MB' has the unknown size unit 'MB' (did you mean MiB");
    }

    @Test
    void aBadDurationIsNamedAndExplained() {
        assertProblem(VALID + "    snapshot_interval: 5 minutes\n", 17, 5, "jobs.orders.snapshot_interval")
                .hasMessageContaining("'5 minutes' is not a duration");
    }

    @Test
    void aBadTopicPatternNamesTheJobThePatternAndThePosition() {
        assertProblem(VALID.replace("\"orders.*\"", "\"orders.*,inv[\""), 16, 5, "jobs.orders.topics")
                .hasMessageContaining("'inv['").hasMessageContaining("position 3");
        assertProblem(VALID.replace("topics: \"orders.*\"", "topics:\n      include: a\n      exclude: \"(b\""), 18, 7,
                "jobs.orders.topics.exclude")
                .hasMessageContaining("'(b'");
    }

    @Test
    void aBadRetentionPatternIsPlacedOnItsKey() {
        assertProblem(VALID + "    retention:\n      topics:\n        \"pay(\": { mode: compliance, duration: 1d }\n", 19, 9,
                "jobs.orders.retention.topics.\"pay(\"")
                .hasMessageContaining("'pay('");
    }

    @Test
    void readsRetentionRules() {
        JobConfig job = load(VALID + """
                    retention:
                      default: { mode: governance, duration: 7d }
                      topics:
                        "orders\\\\.test": none
                """).job("orders");

        assertThat(job.retention().ruleFor("orders.eu")).isEqualTo(new RetentionRule(RetentionMode.GOVERNANCE, Duration.ofDays(7)));
        assertThat(job.retention().ruleFor("orders.test")).isEqualTo(RetentionRule.NONE);
    }

    @Test
    void anUndefinedClusterOrStoreNamesBoth() {
        assertProblem(VALID.replace("source: prod", "source: prd"), 14, 5, "jobs.orders.source")
                .hasMessageContaining("the job 'orders' uses the cluster 'prd'").hasMessageContaining("(defined: prod)");
        assertProblem(VALID.replace("store: laptop", "store: vault"), 15, 5, "jobs.orders.store")
                .hasMessageContaining("the store 'vault'").hasMessageContaining("(defined: laptop)");
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        assertProblem(VALID.replace("    brokers: \"k1:9093,k2:9093\"\n", ""), 2, 3, "clusters.prod.brokers")
                .hasMessageContaining("is required");
        assertProblem(VALID.replace("    topics: \"orders.*\"\n", ""), 13, 3, "jobs.orders.topics")
                .hasMessageContaining("is required");
        assertProblem(VALID.replace("      sasl_username: \"${KAFKA_USER}\"\n", ""), 4, 5, "clusters.prod.security.sasl_username")
                .hasMessageContaining("is required with sasl_mechanism SCRAM-SHA-512");
    }

    @Test
    void aStoreTypeIsRequiredAndChecked() {
        assertProblem(VALID.replace("type: local", "type: gcs"), 10, 5, "stores.laptop.type")
                .hasMessageContaining("'gcs' is not a kind of store: use local or s3");
        assertProblem(VALID.replace("    type: local\n", ""), 9, 3, "stores.laptop.type")
                .hasMessageContaining("is required: the kind of store, local or s3");
        assertProblem(VALID.replace("path: /tmp/kfs", "bucket: b"), 11, 5, "stores.laptop.bucket")
                .hasMessageContaining("unknown key 'bucket'").hasMessageContaining("path");
    }

    @Test
    void wrongKindsOfValuesSayWhatIsExpected() {
        assertProblem(VALID.replace("SCRAM-SHA-512", "SCRAM"), 5, 7, "clusters.prod.security.sasl_mechanism")
                .hasMessageContaining("'SCRAM' is not one of none, PLAIN, SCRAM-SHA-256, SCRAM-SHA-512");
        assertProblem(VALID + "    commit_offsets: maybe\n", 17, 5, "jobs.orders.commit_offsets")
                .hasMessageContaining("'maybe' is not true or false");
        assertProblem(VALID + "    compression: brotli\n", 17, 5, "jobs.orders.compression")
                .hasMessageContaining("'brotli' is not one of none, gzip, snappy, lz4, zstd");
        assertProblem(VALID + "    isolation: serializable\n", 17, 5, "jobs.orders.isolation")
                .hasMessageContaining("is not one of read_uncommitted, read_committed");
        assertProblem(VALID.replace("brokers: \"k1:9093,k2:9093\"", "brokers: { a: 1 }"), 3, 5, "clusters.prod.brokers")
                .hasMessageContaining("expected a single value");
        assertProblem(VALID.replace("path: /tmp/kfs", "path: [a, b]"), 11, 5, "stores.laptop.path")
                .hasMessageContaining("expected a file or folder path, found a list");
        assertProblem("stores:\n  s:\n    type: s3\n    bucket: b\n    region: r\n    upload_parallelism: 2.5\n", 6, 5,
                "stores.s.upload_parallelism")
                .hasMessageContaining("a whole number");
        assertProblem("clusters: [a, b]\n", 1, 1, "clusters").hasMessageContaining("expected a mapping");
    }

    @Test
    void aMaskedSecretIsRefusedWithTheFix() {
        assertProblem(VALID.replace("\"${KAFKA_PASS}\"", "\"****\""), 7, 7, "clusters.prod.security.sasl_password")
                .hasMessageContaining("the mask kaf-mirror writes instead of a secret")
                .hasMessageContaining("write ${VARIABLE} here");
    }

    @Test
    void anEmptyFileIsAnEmptyConfiguration() {
        assertThat(load("")).isEqualTo(MirrorConfig.EMPTY);
        assertThat(load("# nothing yet\n")).isEqualTo(MirrorConfig.EMPTY);
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = folder.resolve("nope.yml");

        assertThatThrownBy(() -> new ConfigLoader(ENV).load(missing)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(missing + ": cannot read the configuration (java.nio.file.NoSuchFileException");
    }

    @Test
    void relativePathsStartAtTheFilesFolderAndTildeAtHome() throws Exception {
        Path file = Files.writeString(folder.resolve("kaf-mirror.yml"), """
                stores:
                  here: { type: local, path: segments }
                  home: { type: local, path: ~/kfs }
                clusters:
                  tls:
                    brokers: "k:9093"
                    security: { tls: { ca_cert: ../ca.pem } }
                """);

        MirrorConfig config = new ConfigLoader(ENV).load(file);

        assertThat(((LocalStoreConfig) config.store("here")).path()).isEqualTo(folder.resolve("segments"));
        assertThat(((LocalStoreConfig) config.store("home")).path()).isEqualTo(Path.of(System.getProperty("user.home"), "kfs"));
        assertThat(config.cluster("tls").security().tls().caCert()).isEqualTo(folder.getParent().resolve("ca.pem"));
        assertProblem("stores:\n  x: { type: local, path: ~bob/kfs }\n", 2, 21, "stores.x.path")
                .hasMessageContaining("only ~/");
    }

    @Test
    void problemsInAFileNameTheFile() throws Exception {
        Path file = Files.writeString(folder.resolve("bad.yml"), "jobs:\n  x: { source: a }\n");

        assertThatThrownBy(() -> new ConfigLoader(ENV).load(file))
                .hasMessageStartingWith(file + ":2:");
    }

    @Test
    void readsAStream() {
        MirrorConfig config = new ConfigLoader(ENV).load(
                new ByteArrayInputStream(VALID.getBytes(StandardCharsets.UTF_8)), "stdin");

        assertThat(config.jobs()).containsOnlyKeys("orders");
    }

    @Test
    void readsOnePartOfAConfiguration() {
        JobConfig job = new ConfigLoader(ENV).read("source: prod\nstore: s\ntopics: a.*\nmax_buffered: 1GiB\n",
                JobConfig.class, "h2:jobs/orders");

        assertThat(job.maxBuffered()).isEqualTo(1L << 30);
        assertThatThrownBy(() -> new ConfigLoader(ENV).read("source: prod\n", JobConfig.class, "h2:jobs/orders"))
                .hasMessageStartingWith("h2:jobs/orders:1:1: store: is required");
    }

    @Test
    void invalidNamesArePlaced() {
        assertProblem("clusters:\n  \"prod eu\":\n    brokers: \"k:1\"\n", 2, 3, "clusters.\"prod eu\"")
                .hasMessageContaining("is not a valid name");
    }

    MirrorConfig load(String yaml) {
        return new ConfigLoader(ENV).read(yaml, MirrorConfig.class, "test.yml");
    }

    AbstractThrowableAssert<?, ? extends Throwable> assertProblem(String yaml, int line, int column, String path) {
        return assertThatThrownBy(() -> load(yaml))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.path()).hasToString(path);
                    assertThat(e.source()).isEqualTo("test.yml");
                    assertThat(e.line()).as("line").isEqualTo(line);
                    assertThat(e.column()).as("column").isEqualTo(column);
                })
                .hasMessageStartingWith("test.yml:" + line + ":" + column + ": " + path + ": ");
    }
}
