package io.kafmirror.engine.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.engine.config.ConfigLoader;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.SourceProducer;
import io.kafmirror.engine.testkit.SourceRecords;
import io.kafmirror.engine.testkit.StoredRecords;
import io.kafmirror.kfs.catalog.SegmentArchive;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.store.LocalSegmentStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A SCRAM-protected source is mirrored with the configured credentials; wrong ones give a plain answer. */
class SourceAuthenticationTest {

    @TempDir
    Path dir;

    private final KafkaTestBroker broker = KafkaTestBroker.shared();

    @Test
    void mirrorsThroughScramWithTheCredentialsOfTheConfiguration() {
        String topic = "secure.orders";
        broker.createTopic(topic, 2, Map.of());
        try (SourceProducer producer = SourceProducer.to(broker.bootstrap())) {
            for (int i = 0; i < 40; i++) {
                producer.send(topic, i % 2, "k" + i, "v" + i);
            }
            producer.confirm();
        }
        MirrorConfig config = load(KafkaTestBroker.SCRAM_PASSWORD);

        try (SegmentCatalog catalog = SegmentCatalog.open(dir.resolve("catalog"));
             LocalSegmentStore store = new LocalSegmentStore(dir.resolve("store"))) {
            SegmentArchive archive = new SegmentArchive(store, catalog);
            try (RunningMirror mirror = new RunningMirror(MirrorSettings.of("secure", config.job("secure")),
                    config.cluster("prod").clientProperties(), archive)) {
                mirror.awaitStored(topic, 40);
            }
            assertThat(StoredRecords.of(archive, "prod", topic)).isEqualTo(SourceRecords.of(broker.bootstrap(), topic));
        }
    }

    @Test
    void aWrongPasswordStopsTheJobWithAnAuthenticationEventThatSaysWhatToCheck() {
        MirrorConfig config = load("not-the-password");

        try (SegmentCatalog catalog = SegmentCatalog.open(dir.resolve("catalog"));
             LocalSegmentStore store = new LocalSegmentStore(dir.resolve("store"))) {
            RunningMirror mirror = new RunningMirror(MirrorSettings.of("secure", config.job("secure")),
                    config.cluster("prod").clientProperties(), new SegmentArchive(store, catalog));
            Throwable failure = mirror.awaitFailure();

            assertThat(failure).isInstanceOf(SourceAccessException.class)
                    .hasMessageContaining("rejected our credentials")
                    .hasMessageContaining("Check the user name, password and SASL mechanism")
                    .hasMessageNotContaining("not-the-password");
            assertThat(((SourceAccessException) failure).authFailure()).isTrue();
            assertThat(mirror.reported.eventTypes()).containsExactly(MirrorEvent.Type.AUTH_FAILURE);
            assertThat(store.list("").count()).isZero();
        }
    }

    private MirrorConfig load(String password) {
        String yaml = """
                clusters:
                  prod:
                    brokers: "%s"
                    security:
                      sasl_mechanism: SCRAM-SHA-512
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
                """.formatted(broker.scramBootstrap(), KafkaTestBroker.SCRAM_USER, dir.resolve("store"));
        return new ConfigLoader(Map.of("SOURCE_PASSWORD", password))
                .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yml");
    }
}
