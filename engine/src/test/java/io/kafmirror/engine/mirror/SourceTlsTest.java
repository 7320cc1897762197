package io.kafmirror.engine.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kafmirror.engine.cluster.ClusterProbe;
import io.kafmirror.engine.cluster.ClusterReport;
import io.kafmirror.engine.config.ConfigLoader;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.testkit.KafkaTestBroker;
import io.kafmirror.engine.testkit.SourceProducer;
import io.kafmirror.engine.testkit.SourceRecords;
import io.kafmirror.engine.testkit.TestCertificates;
import io.kafmirror.engine.testkit.TestListener;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TLS source is mirrored with the {@code tls} settings of the YAML configuration, and each wrong setting
 * is named in the error. One broker serves every case on its own listener: TLS with a certificate for
 * localhost, TLS with a certificate for another host, and TLS that requires a client certificate.
 */
class SourceTlsTest {

    private static final String TOPIC = "tls.orders";

    private static TestCertificates certificates;
    private static TestListener tls;
    private static TestListener misnamed;
    private static TestListener mutualTls;
    private static KafkaTestBroker broker;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker(@TempDir Path classDir) {
        certificates = TestCertificates.create(classDir.resolve("pki"));
        tls = TestListener.tls("TLS", certificates.brokerKeyStore());
        misnamed = TestListener.tls("MISNAMED", certificates.misnamedKeyStore());
        mutualTls = TestListener.mutualTls("MTLS", certificates.brokerKeyStore(), certificates.caCert());
        broker = KafkaTestBroker.start(classDir.resolve("broker"), List.of(tls, misnamed, mutualTls));
        broker.createTopic(TOPIC, 2, Map.of());
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void mirrorsABrokerReachedAsLocalhostTrustingTheConfiguredCa() {
        try (SourceProducer producer = SourceProducer.to(broker.bootstrap())) {
            for (int i = 0; i < 30; i++) {
                producer.send(TOPIC, i % 2, "k" + i, "v" + i);
            }
            producer.confirm();
        }
        MirrorConfig config = load(tls, "{ ca_cert: '%s', verify_hostname: true }".formatted(certificates.caCert()));

        assertThat(ConfiguredJobRun.backupOf(config, "tls", dir, TOPIC, 30))
                .isEqualTo(SourceRecords.of(broker.bootstrap(), TOPIC));
    }

    @Test
    void aBrokerCertificateFromAnotherCaIsRefusedNamingCaCert() {
        MirrorConfig config = load(tls, "{ ca_cert: '%s' }".formatted(certificates.unrelatedCaCert()));

        assertThatThrownBy(() -> probe(config))
                .isInstanceOf(SourceAccessException.class)
                .hasMessageContaining("TLS failed while connecting to localhost:" + broker.port(tls))
                .hasMessageContaining("not signed by a certificate authority we trust")
                .hasMessageContaining("Set ca_cert of the cluster to the PEM file of the CA that signed")
                .hasMessageNotContaining("password");
    }

    @Test
    void aCertificateForAnotherHostIsRefusedNamingVerifyHostname() {
        MirrorConfig config = load(misnamed, "{ ca_cert: '%s' }".formatted(certificates.caCert()));

        assertThatThrownBy(() -> probe(config))
                .isInstanceOf(SourceAccessException.class)
                .hasMessageContaining("TLS failed while connecting to localhost:" + broker.port(misnamed))
                .hasMessageContaining("does not name the host we connected to")
                .hasMessageContaining("matching localhost")
                .hasMessageContaining("set verify_hostname: false");
    }

    @Test
    void withoutHostnameVerificationACertificateForAnotherHostIsAccepted() {
        MirrorConfig config = load(misnamed, "{ ca_cert: '%s', verify_hostname: false }".formatted(certificates.caCert()));

        assertThat(probe(config).topics()).contains(TOPIC);
    }

    @Test
    void mutualTlsLogsInWithTheClientKeyStoreOfTheConfiguration() {
        MirrorConfig config = load(mutualTls, "{ ca_cert: '%s', key_store: '%s', key_store_password: '${STORE_PASSWORD}' }"
                .formatted(certificates.caCert(), certificates.clientKeyStore()));

        assertThat(probe(config).topics()).contains(TOPIC);
    }

    @Test
    void withoutAClientCertificateTheJobStopsWithAnEventNamingKeyStore() {
        MirrorConfig config = load(mutualTls, "{ ca_cert: '%s' }".formatted(certificates.caCert()));

        RunningMirror mirror = ConfiguredJobRun.failureOf(config, "tls", dir);

        assertThat(mirror.failure()).isInstanceOf(SourceAccessException.class)
                .hasMessageContaining("TLS failed")
                .hasMessageContaining("the broker refused our client certificate")
                .hasMessageContaining("Set key_store of the cluster");
        assertThat(mirror.reported.eventTypes()).containsExactly(MirrorEvent.Type.AUTH_FAILURE);
    }

    @Test
    void aClientCertificateFromAnotherCaIsRefusedNamingKeyStore() {
        MirrorConfig config = load(mutualTls, "{ ca_cert: '%s', key_store: '%s', key_store_password: '${STORE_PASSWORD}' }"
                .formatted(certificates.caCert(), certificates.unrelatedKeyStore()));

        assertThatThrownBy(() -> probe(config))
                .isInstanceOf(SourceAccessException.class)
                .hasMessageContaining("TLS failed while connecting to localhost:" + broker.port(mutualTls))
                .hasMessageContaining("the broker refused our client certificate")
                .hasMessageContaining("Set key_store of the cluster to a client certificate signed by a CA the broker trusts");
    }

    @Test
    void anyOtherHandshakeFailureIsReportedWithTheBrokersReason() {
        // Only RSA key exchange offered, but the broker's key is EC: no cipher suite in common.
        MirrorConfig config = load(tls, "{ ca_cert: '%s' }".formatted(certificates.caCert()), """
                    properties:
                      ssl.enabled.protocols: TLSv1.2
                      ssl.cipher.suites: TLS_RSA_WITH_AES_128_GCM_SHA256
                """);

        assertThatThrownBy(() -> probe(config))
                .isInstanceOf(SourceAccessException.class)
                .hasMessageContaining("TLS failed while connecting to localhost:" + broker.port(tls))
                .hasMessageContaining("handshake_failure")
                .hasMessageContaining("ssl.* properties");
    }

    private static ClusterReport probe(MirrorConfig config) {
        return new ClusterProbe(config.cluster("prod").clientProperties(), Duration.ofSeconds(15)).probe();
    }

    /** A configuration reading {@code listener} as cluster {@code prod} at localhost, with the {@code tls} block given. */
    private MirrorConfig load(TestListener listener, String tlsBlock) {
        return load(listener, tlsBlock, "");
    }

    /** As {@link #load(TestListener, String)}, with further lines of the cluster (e.g. its properties). */
    private MirrorConfig load(TestListener listener, String tlsBlock, String clusterLines) {
        String yaml = """
                clusters:
                  prod:
                    brokers: "localhost:%d"
                    security:
                      tls: %s
                %s
                stores:
                  local: { type: local, path: '%s' }
                jobs:
                  tls:
                    source: prod
                    store: local
                    topics: "tls\\\\..*"
                    flush: { max_bytes: 64KiB, max_linger: 200ms }
                """.formatted(broker.port(listener), tlsBlock, clusterLines, dir.resolve("store"));
        return new ConfigLoader(Map.of("STORE_PASSWORD", TestCertificates.PASSWORD))
                .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yml");
    }
}
