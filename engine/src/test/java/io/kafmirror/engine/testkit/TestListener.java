package io.kafmirror.engine.testkit;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A listener a {@link KafkaTestBroker} opens beside its PLAINTEXT one, with the broker settings it needs
 * (all prefixed with the listener's name, so listeners of one broker do not share TLS or SASL settings).
 *
 * @param name     the listener name, upper case
 * @param protocol its security protocol
 * @param settings broker settings for this listener
 */
public record TestListener(String name, String protocol, Map<String, String> settings) {

    /** SASL_PLAINTEXT with SCRAM-SHA-512; the user {@link KafkaTestBroker#SCRAM_USER} is created when the storage is formatted. */
    public static final TestListener SCRAM = sasl("SCRAM", "SCRAM-SHA-512",
            "org.apache.kafka.common.security.scram.ScramLoginModule required;");

    /** SASL_PLAINTEXT with PLAIN, for the user {@link KafkaTestBroker#SCRAM_USER} and its password. */
    public static final TestListener PLAIN = sasl("PLAIN", "PLAIN",
            "org.apache.kafka.common.security.plain.PlainLoginModule required user_" + KafkaTestBroker.SCRAM_USER
                    + "=\"" + KafkaTestBroker.SCRAM_PASSWORD + "\";");

    /** TLS with the key and certificate of {@code keyStore} (PKCS12, {@link TestCertificates#PASSWORD}). */
    public static TestListener tls(String name, Path keyStore) {
        String prefix = prefix(name);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(prefix + "ssl.keystore.type", "PKCS12");
        settings.put(prefix + "ssl.keystore.location", keyStore.toString());
        settings.put(prefix + "ssl.keystore.password", TestCertificates.PASSWORD);
        return new TestListener(name, "SSL", settings);
    }

    /** TLS as {@link #tls}, and every client must show a certificate signed by a CA in {@code trustedCa} (PEM). */
    public static TestListener mutualTls(String name, Path keyStore, Path trustedCa) {
        String prefix = prefix(name);
        Map<String, String> settings = new LinkedHashMap<>(tls(name, keyStore).settings());
        settings.put(prefix + "ssl.client.auth", "required");
        settings.put(prefix + "ssl.truststore.type", "PEM");
        settings.put(prefix + "ssl.truststore.location", trustedCa.toString());
        return new TestListener(name, "SSL", settings);
    }

    private static TestListener sasl(String name, String mechanism, String jaas) {
        String prefix = prefix(name);
        return new TestListener(name, "SASL_PLAINTEXT", Map.of(
                prefix + "sasl.enabled.mechanisms", mechanism,
                prefix + mechanism.toLowerCase(Locale.ROOT) + ".sasl.jaas.config", jaas));
    }

    private static String prefix(String name) {
        return "listener.name." + name.toLowerCase(Locale.ROOT) + ".";
    }
}
