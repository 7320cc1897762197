package io.kafmirror.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.app.KafMirror;
import io.kafmirror.engine.testkit.KafkaTestBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clusters list|test} against a real SCRAM-protected broker. */
class ClustersCliTest {

    @TempDir
    Path dir;

    private final KafkaTestBroker broker = KafkaTestBroker.shared();

    @Test
    void testConnectsWithTheConfiguredCredentialsAndListsTopics() throws IOException {
        broker.createTopic("cli.orders", 1, Map.of());
        Path config = config(KafkaTestBroker.SCRAM_PASSWORD);

        CliRun run = CliRun.of("clusters", "test", "prod", "--config", config.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Cluster prod is reachable (SASL_PLAINTEXT)").contains("  cli.orders");
    }

    @Test
    void aWrongPasswordGivesOneLineSayingWhatToCheckAndNeverThePassword() throws IOException {
        Path config = config("hunter2-wrong");

        CliRun run = CliRun.of("clusters", "test", "prod", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(KafMirror.FAILED);
        assertThat(run.err()).startsWith("error: The source cluster rejected our credentials")
                .contains("Check the user name, password and SASL mechanism").doesNotContain("hunter2");
    }

    @Test
    void anUnknownClusterNamesTheClustersThatExist() throws IOException {
        CliRun run = CliRun.of("clusters", "test", "staging", "--config", config("x").toString());

        assertThat(run.exitCode()).isEqualTo(KafMirror.FAILED);
        assertThat(run.err()).contains("staging").contains("prod");
    }

    @Test
    void listShowsEachClusterWithItsSecurity() throws IOException {
        CliRun run = CliRun.of("clusters", "list", "--config", config("x").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("prod\\s+SASL_PLAINTEXT\\s+" + broker.scramBootstrap())
                .containsPattern("plain\\s+PLAINTEXT\\s+" + broker.bootstrap());
    }

    @Test
    void aMissingConfigurationFileSaysWhereItLooked() {
        CliRun run = CliRun.of("clusters", "list", "--config", dir.resolve("nowhere.yml").toString());

        assertThat(run.exitCode()).isEqualTo(KafMirror.FAILED);
        assertThat(run.err()).contains("No configuration file at").contains("nowhere.yml").contains("configs/example.yml");
    }

    private Path config(String password) throws IOException {
        Path file = dir.resolve("config.yml");
        Files.writeString(file, """
                clusters:
                  prod:
                    brokers: "%s"
                    security:
                      sasl_mechanism: SCRAM-SHA-512
                      sasl_username: "%s"
                      sasl_password: "%s"
                  plain:
                    brokers: "%s"
                """.formatted(broker.scramBootstrap(), KafkaTestBroker.SCRAM_USER, password, broker.bootstrap()));
        return file;
    }
}
