package io.kafmirror.ui.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.config.ClusterConfig;
import io.kafmirror.engine.config.ConfigLoader;
import io.kafmirror.engine.config.LocalStoreConfig;
import io.kafmirror.engine.testkit.KafkaTestBroker;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Test connection against the real test broker and real folders: what it found, or the plain problem. */
class ConnectionChecksTest {

    private static final KafkaTestBroker BROKER = KafkaTestBroker.shared();
    private final ClusterCheck check = new ClusterCheck(Duration.ofSeconds(10));

    private static ClusterConfig scram(String password) {
        return new ConfigLoader(Map.of("PASS", password)).read("brokers: " + BROKER.scramBootstrap() + "\n"
                + "security: { sasl_mechanism: SCRAM-SHA-512, sasl_username: " + KafkaTestBroker.SCRAM_USER
                + ", sasl_password: '${PASS}' }\n", ClusterConfig.class, "test");
    }

    @Test
    void reports_brokers_topics_and_who_we_are() {
        BROKER.createTopic("clusters-check", 1, Map.of());
        CheckOutcome outcome = check.run(scram(KafkaTestBroker.SCRAM_PASSWORD));
        assertThat(outcome.ok()).isTrue();
        assertThat(outcome.summary()).matches("1 broker, \\d+ topics?, authenticated as mirror \\(SCRAM-SHA-512\\)");
        assertThat(check.run(ClusterConfig.of(BROKER.bootstrap())).summary()).endsWith("no authentication (PLAINTEXT)");
    }

    @Test
    void a_wrong_password_is_said_plainly() {
        CheckOutcome outcome = check.run(scram("wrong"));
        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.summary()).contains("rejected our credentials").contains("Check the user name, password");
    }

    @Test
    void nothing_listening_is_cannot_reach() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        CheckOutcome outcome = check.run(ClusterConfig.of("127.0.0.1:" + port));
        assertThat(outcome.ok()).isFalse();
        assertThat(outcome.summary()).startsWith("Cannot reach any broker: 127.0.0.1:" + port + " (connection refused)");
    }

    @Test
    void a_local_folder_is_writable_with_free_space_or_says_why_not(@TempDir Path folder) throws Exception {
        CheckOutcome outcome = new StoreCheck().run(new LocalStoreConfig(folder.resolve("segments")));
        assertThat(outcome.ok()).isTrue();
        assertThat(outcome.summary()).matches(".*segments will be created in .*, which is writable, \\d+ MiB free");
        Path file = Files.writeString(folder.resolve("file"), "x");
        assertThat(new StoreCheck().run(new LocalStoreConfig(file)).summary()).endsWith("is a file, not a folder: give a folder for the segments");
    }
}
