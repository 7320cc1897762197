package io.kafmirror.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/** Each security mode must turn into kafka-clients settings that kafka-clients itself accepts. */
class ClusterConfigTest {

    static final String BROKERS = "k1:9093,k2:9093";

    @Test
    void noSecurityIsPlaintext() {
        Properties client = ClusterConfig.of(BROKERS).clientProperties();

        assertThat(client).containsOnly(entry("bootstrap.servers", BROKERS), entry("security.protocol", "PLAINTEXT"));
        assertKafkaAccepts(client);
    }

    @Test
    void plainWithoutTlsIsSaslPlaintext() {
        Properties client = cluster(new SecurityConfig(SaslMechanism.PLAIN, "mirror", Secret.of("pw"), null)).clientProperties();

        assertThat(client).contains(entry("security.protocol", "SASL_PLAINTEXT"), entry("sasl.mechanism", "PLAIN"));
        assertThat(jaasOptions(client)).containsEntry("username", "mirror").containsEntry("password", "pw");
        assertThat(client.getProperty("sasl.jaas.config")).startsWith("org.apache.kafka.common.security.plain.PlainLoginModule required");
        assertKafkaAccepts(client);
    }

    @Test
    void scramSha256AndSha512OverTlsAreSaslSsl() {
        for (SaslMechanism mechanism : new SaslMechanism[] {SaslMechanism.SCRAM_SHA_256, SaslMechanism.SCRAM_SHA_512}) {
            Properties client = cluster(new SecurityConfig(mechanism, "mirror", Secret.of("pw"), tls(Path.of("/etc/ca.pem"), null)))
                    .clientProperties();

            assertThat(client).contains(entry("security.protocol", "SASL_SSL"), entry("sasl.mechanism", mechanism.kafkaName()),
                    entry("ssl.truststore.type", "PEM"), entry("ssl.truststore.location", "/etc/ca.pem"));
            assertThat(client.getProperty("sasl.jaas.config")).startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required");
            assertThat(jaasOptions(client)).containsEntry("username", "mirror").containsEntry("password", "pw");
            assertKafkaAccepts(client);
        }
    }

    @Test
    void aPasswordWithQuotesAndBackslashesSurvivesTheJaasLine() {
        String password = "p\"a\\ss;w=rd' }";
        Properties client = cluster(new SecurityConfig(SaslMechanism.SCRAM_SHA_512, "user \"x\"", Secret.of(password), null))
                .clientProperties();

        assertThat(jaasOptions(client)).containsEntry("password", password).containsEntry("username", "user \"x\"");
    }

    @Test
    void tlsWithACaFileVerifiesHostNamesByDefault() {
        Properties client = cluster(new SecurityConfig(null, null, null, tls(Path.of("/etc/ca.pem"), null))).clientProperties();

        assertThat(client).containsOnly(entry("bootstrap.servers", BROKERS), entry("security.protocol", "SSL"),
                entry("ssl.truststore.type", "PEM"), entry("ssl.truststore.location", "/etc/ca.pem"),
                entry("ssl.endpoint.identification.algorithm", "https"));
        assertKafkaAccepts(client);
    }

    @Test
    void tlsWithoutACaFileUsesTheJvmTrustStore() {
        Properties client = cluster(new SecurityConfig(null, null, null, tls(null, null))).clientProperties();

        assertThat(client).doesNotContainKeys("ssl.truststore.type", "ssl.truststore.location");
        assertThat(client).contains(entry("security.protocol", "SSL"));
    }

    @Test
    void hostNameVerificationCanBeTurnedOff() {
        TlsConfig noVerify = new TlsConfig(true, Path.of("/etc/ca.pem"), false, null, null, null, null);
        Properties client = cluster(new SecurityConfig(null, null, null, noVerify)).clientProperties();

        assertThat(client).contains(entry("ssl.endpoint.identification.algorithm", ""));
        assertKafkaAccepts(client);
    }

    @Test
    void mutualTlsWithAPkcs12KeyStore() {
        TlsConfig mtls = new TlsConfig(null, Path.of("/etc/ca.pem"), null, Path.of("/etc/client.p12"), null,
                Secret.of("store-pw"), Secret.of("key-pw"));
        Properties client = cluster(new SecurityConfig(null, null, null, mtls)).clientProperties();

        assertThat(client).contains(entry("security.protocol", "SSL"), entry("ssl.keystore.type", "PKCS12"),
                entry("ssl.keystore.location", "/etc/client.p12"), entry("ssl.keystore.password", "store-pw"),
                entry("ssl.key.password", "key-pw"));
        assertKafkaAccepts(client);
    }

    @Test
    void theKeyStoreTypeFollowsTheFileNameUnlessGiven() {
        assertThat(new TlsConfig(null, null, null, Path.of("client.jks"), null, null, null).keyStoreType())
                .isEqualTo(TlsConfig.KeyStoreType.JKS);
        assertThat(new TlsConfig(null, null, null, Path.of("client.pem"), null, null, null).keyStoreType())
                .isEqualTo(TlsConfig.KeyStoreType.PEM);
        assertThat(new TlsConfig(null, null, null, Path.of("client.pfx"), null, null, null).keyStoreType())
                .isEqualTo(TlsConfig.KeyStoreType.PKCS12);
        assertThat(new TlsConfig(null, null, null, Path.of("client.bin"), TlsConfig.KeyStoreType.JKS, null, null).keyStoreType())
                .isEqualTo(TlsConfig.KeyStoreType.JKS);
    }

    @Test
    void mutualTlsWithAPemKeyAndSaslTogether() {
        TlsConfig pem = new TlsConfig(null, null, null, Path.of("/etc/client.pem"), null, null, Secret.of("key-pw"));
        Properties client = cluster(new SecurityConfig(SaslMechanism.SCRAM_SHA_256, "u", Secret.of("p"), pem)).clientProperties();

        assertThat(client).contains(entry("security.protocol", "SASL_SSL"), entry("ssl.keystore.type", "PEM"),
                entry("ssl.key.password", "key-pw")).doesNotContainKey("ssl.keystore.password");
    }

    @Test
    void aDisabledTlsBlockKeepsItsSettingsButIsNotUsed() {
        TlsConfig off = new TlsConfig(false, Path.of("/etc/ca.pem"), null, null, null, null, null);
        Properties client = cluster(new SecurityConfig(null, null, null, off)).clientProperties();

        assertThat(client).containsOnlyKeys("bootstrap.servers", "security.protocol").contains(entry("security.protocol", "PLAINTEXT"));
    }

    @Test
    void userPropertiesOverrideWhatIsDerived() {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("security.protocol", "SASL_SSL");
        extra.put("sasl.mechanism", "AWS_MSK_IAM");
        extra.put("client.dns.lookup", "use_all_dns_ips");
        Properties client = new ClusterConfig(BROKERS, new SecurityConfig(null, null, null, tls(null, null)),
                ClientProperties.of(extra)).clientProperties();

        assertThat(client).contains(entry("security.protocol", "SASL_SSL"), entry("sasl.mechanism", "AWS_MSK_IAM"),
                entry("client.dns.lookup", "use_all_dns_ips"));
    }

    @Test
    void secretsNeverShowInToString() {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("ssl.truststore.password", "trust-secret");
        extra.put("sasl.jaas.config", "x.LoginModule required password=\"jaas-secret\";");
        extra.put("my.plugin.secret", "plugin-secret");
        extra.put("client.id", "visible-id");
        TlsConfig mtls = new TlsConfig(null, null, null, Path.of("c.p12"), null, Secret.of("store-secret"), Secret.of("key-secret"));
        ClusterConfig cluster = new ClusterConfig(BROKERS,
                new SecurityConfig(SaslMechanism.PLAIN, "mirror", Secret.of("sasl-secret"), mtls), ClientProperties.of(extra));

        assertThat(cluster.toString()).contains("visible-id", "mirror")
                .doesNotContain("trust-secret", "jaas-secret", "plugin-secret", "store-secret", "key-secret", "sasl-secret");
    }

    @Test
    void aJaasLineWithoutCredentialsStaysReadable() {
        assertThat(ClientProperties.isSecret("sasl.jaas.config", "software.amazon.msk.auth.iam.IAMLoginModule required;")).isFalse();
        assertThat(ClientProperties.isSecret("sasl.jaas.config", "x required username=\"u\" password=\"p\";")).isTrue();
        assertThat(ClientProperties.isSecret("ssl.keystore.key", "-----BEGIN")).isTrue();
        assertThat(ClientProperties.isSecret("client.dns.lookup", "use_all_dns_ips")).isFalse();
    }

    @Test
    void brokersMustBeHostAndPort() {
        assertThatThrownBy(() -> ClusterConfig.of(" ")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("brokers: is required");
        assertThatThrownBy(() -> ClusterConfig.of("k1:9092,k2")).hasMessageContaining("'k2' is not host:port");
        assertThatThrownBy(() -> ClusterConfig.of("k1:99999")).hasMessageContaining("'k1:99999' is not host:port");
        assertThat(ClusterConfig.of("[::1]:9092, k2:9092").brokers()).isEqualTo("[::1]:9092, k2:9092");
    }

    @Test
    void saslNeedsCredentialsAndCredentialsNeedSasl() {
        assertThatThrownBy(() -> new SecurityConfig(SaslMechanism.PLAIN, null, Secret.of("p"), null))
                .hasMessageContaining("sasl_username: is required with sasl_mechanism PLAIN");
        assertThatThrownBy(() -> new SecurityConfig(SaslMechanism.SCRAM_SHA_512, "u", null, null))
                .hasMessageContaining("sasl_password: is required with sasl_mechanism SCRAM-SHA-512");
        assertThatThrownBy(() -> new SecurityConfig(null, "u", Secret.of("p"), null))
                .hasMessageContaining("no SASL mechanism is");
    }

    @Test
    void keyStoreSettingsNeedAKeyStore() {
        assertThatThrownBy(() -> new TlsConfig(null, null, null, null, null, Secret.of("x"), null))
                .hasMessageContaining("set key_store");
        assertThatThrownBy(() -> new TlsConfig(null, null, null, Path.of("c.pem"), null, Secret.of("x"), null))
                .hasMessageContaining("key_store_password: a PEM key store has no store password");
    }

    static ClusterConfig cluster(SecurityConfig security) {
        return new ClusterConfig(BROKERS, security, null);
    }

    static TlsConfig tls(Path ca, Boolean verify) {
        return new TlsConfig(true, ca, verify, null, null, null, null);
    }

    /** The options kafka-clients' own JAAS parser reads from the generated line. */
    static Map<String, Object> jaasOptions(Properties client) {
        JaasContext context = JaasContext.loadClientContext(
                Map.of(SaslConfigs.SASL_JAAS_CONFIG, new Password(client.getProperty(SaslConfigs.SASL_JAAS_CONFIG))));
        AppConfigurationEntry entry = context.configurationEntries().get(0);
        return Map.copyOf(entry.getOptions());
    }

    /** kafka-clients validates every key and value it knows when a consumer configuration is built. */
    static void assertKafkaAccepts(Properties client) {
        Properties consumer = new Properties();
        consumer.putAll(client);
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        new ConsumerConfig(consumer);
    }
}
