package io.kafmirror.engine.testkit;

import java.util.Locale;
import java.util.Map;

/**
 * A listener a {@link KafkaTestBroker} opens beside its PLAINTEXT one, with the broker settings it needs
 * (all prefixed with the listener's name, so listeners of one broker do not share SASL settings).
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
