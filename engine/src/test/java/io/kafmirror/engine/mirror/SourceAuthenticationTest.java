package io.kafmirror.engine.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.config.ConfigLoader;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.config.SaslMechanism;
import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.SourceProducer;
import io.kafmirror.engine.testkit.SourceRecords;
import io.kafmirror.engine.testkit.TestListener;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A SASL-protected source is mirrored with the configured credentials; wrong ones give a plain answer.
 * SCRAM is served by the shared broker, PLAIN by a broker of this class's own.
 */
class SourceAuthenticationTest {

    private static KafkaTestBroker plainBroker;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPlainBroker(@TempDir Path brokerDir) {
        plainBroker = KafkaTestBroker.start(brokerDir, List.of(TestListener.PLAIN));
    }

    @AfterAll
    static void stopPlainBroker() {
        plainBroker.close();
    }

    @ParameterizedTest
    @EnumSource(value = SaslMechanism.class, names = {"PLAIN", "SCRAM_SHA_512"})
    void mirrorsWithTheCredentialsOfTheConfiguration(SaslMechanism mechanism) {
        KafkaTestBroker broker = brokerFor(mechanism);
        String topic = "secure.orders";
        broker.createTopic(topic, 2, Map.of());
        try (SourceProducer producer = SourceProducer.to(broker.bootstrap())) {
            for (int i = 0; i < 40; i++) {
                producer.send(topic, i % 2, "k" + i, "v" + i);
            }
            producer.confirm();
        }
        MirrorConfig config = load(mechanism, KafkaTestBroker.SCRAM_PASSWORD);

        assertThat(ConfiguredJobRun.backupOf(config, "secure", dir, topic, 40))
                .isEqualTo(SourceRecords.of(broker.bootstrap(), topic));
    }

    @ParameterizedTest
    @EnumSource(value = SaslMechanism.class, names = {"PLAIN", "SCRAM_SHA_512"})
    void aWrongPasswordStopsTheJobWithAnAuthenticationEventThatSaysWhatToCheck(SaslMechanism mechanism) {
        MirrorConfig config = load(mechanism, "not-the-password");

        RunningMirror mirror = ConfiguredJobRun.failureOf(config, "secure", dir);

        assertThat(mirror.failure()).isInstanceOf(SourceAccessException.class)
                .hasMessageContaining("rejected our credentials")
                .hasMessageContaining("Check the user name, password and SASL mechanism")
                .hasMessageNotContaining("not-the-password");
        assertThat(((SourceAccessException) mirror.failure()).authFailure()).isTrue();
        assertThat(mirror.reported.eventTypes()).containsExactly(MirrorEvent.Type.AUTH_FAILURE);
    }

    private static KafkaTestBroker brokerFor(SaslMechanism mechanism) {
        return mechanism == SaslMechanism.PLAIN ? plainBroker : KafkaTestBroker.shared();
    }

    private MirrorConfig load(SaslMechanism mechanism, String password) {
        String brokers = mechanism == SaslMechanism.PLAIN ? "127.0.0.1:" + plainBroker.port(TestListener.PLAIN)
                : KafkaTestBroker.shared().scramBootstrap();
        String yaml = """
                clusters:
                  prod:
                    brokers: "%s"
                    security:
                      sasl_mechanism: %s
                      sasl_username: "%s"
                      sasl_password: "${SOURCE_PASSWORD}"
                stores:
                  local:
                    type: local
                    path: %s
                jobs:
                  secure:
                    source: prod
                    store: local
                    topics: "secure\\\\..*"
                    flush: { max_bytes: 64KiB, max_linger: 200ms }
                """.formatted(brokers, mechanism.kafkaName(), KafkaTestBroker.SCRAM_USER, dir.resolve("store"));
        return new ConfigLoader(Map.of("SOURCE_PASSWORD", password))
                .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yml");
    }
}
