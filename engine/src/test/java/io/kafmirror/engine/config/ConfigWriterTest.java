package io.kafmirror.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigWriterTest {

    static final Map<String, String> ENV = Map.of("KAFKA_PASS", "kafka-secret");

    final ConfigWriter writer = new ConfigWriter();

    @TempDir
    Path folder;

    @Test
    void writesEnvironmentReferencesBackAsTheyWere() {
        MirrorConfig config = new ConfigLoader(ENV).read("""
                clusters:
                  prod:
                    brokers: "k:9093"
                    security:
                      sasl_mechanism: PLAIN
                      sasl_username: mirror
                      sasl_password: "${KAFKA_PASS}"
                """, MirrorConfig.class, "test.yml");

        String yaml = writer.toYaml(config);

        assertThat(yaml).contains("sasl_password: \"${KAFKA_PASS}\"").doesNotContain("kafka-secret");
    }

    @Test
    void masksSecretsGivenInClearAndTheMaskIsNotLoadedBack() {
        ClusterConfig cluster = new ClusterConfig("k:9093",
                new SecurityConfig(SaslMechanism.PLAIN, "mirror", Secret.of("clear-secret"), null),
                ClientProperties.of(Map.of("ssl.truststore.password", "trust-secret", "client.id", "0123")));
        MirrorConfig config = new MirrorConfig(Map.of("prod", cluster), null, null);

        String yaml = writer.toYaml(config);

        assertThat(yaml).doesNotContain("clear-secret", "trust-secret").contains("'****'", "client.id: \"0123\"");
        assertThatThrownBy(() -> new ConfigLoader(ENV).read(yaml, MirrorConfig.class, "saved.yml"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("put the secret in an environment variable");
    }

    @Test
    void writesPartsForStorageElsewhere() {
        JobConfig job = new JobConfig("prod", "vault", TopicSelection.parse("orders.*", "orders\\.tmp"),
                new FlushPolicy(512L * 1024, null), null, null, 1L << 30, null, null, null, true, null);

        String yaml = writer.toYaml(job);

        assertThat(yaml).contains("max_bytes: 512KiB", "max_linger: 30s", "max_buffered: 1GiB", "commit_offsets: true",
                "isolation: read_committed", "compression: zstd", "include: orders.*", "snapshot_interval: 5m");
        assertThat(new ConfigLoader(ENV).read(yaml, JobConfig.class, "h2")).isEqualTo(job);
    }

    @Test
    void writesTheStoreTypeAsAKey() {
        MirrorConfig config = new MirrorConfig(null, Map.of("laptop", new LocalStoreConfig(folder)), null);

        assertThat(writer.toYaml(config)).contains("type: local").doesNotContain("!<");
    }

    @Test
    void replacesAFileWhole() throws Exception {
        Path file = Files.writeString(folder.resolve("kaf-mirror.yml"), "# old\n");
        MirrorConfig config = new MirrorConfig(Map.of("dev", ClusterConfig.of("localhost:9092")), null, null);

        writer.write(config, file);

        assertThat(new ConfigLoader(ENV).load(file)).isEqualTo(config);
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(file);
        }
    }
}
