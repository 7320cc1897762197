package io.kafmirror.engine.config;

import java.util.Properties;

/**
 * How kaf-mirror authenticates to a cluster and protects the connection. The Kafka security protocol
 * follows from the two halves: SASL or not, TLS or not.
 *
 * @param saslMechanism how to authenticate; default {@link SaslMechanism#NONE}
 * @param saslUsername  the SASL user, required with a mechanism
 * @param saslPassword  the SASL password, required with a mechanism
 * @param tls           TLS settings; default {@link TlsConfig#DISABLED}
 */
public record SecurityConfig(SaslMechanism saslMechanism, String saslUsername, Secret saslPassword, TlsConfig tls) {

    /** Plain, anonymous connections. */
    public static final SecurityConfig NONE = new SecurityConfig(null, null, null, null);

    /** Applies defaults and checks that a mechanism comes with credentials and credentials with a mechanism. */
    public SecurityConfig {
        saslMechanism = saslMechanism != null ? saslMechanism : SaslMechanism.NONE;
        tls = tls != null ? tls : TlsConfig.DISABLED;
        if (saslMechanism == SaslMechanism.NONE) {
            if (saslUsername != null || saslPassword != null) {
                throw ConfigException.at("sasl_mechanism", "sasl_username and sasl_password are set but no SASL"
                        + " mechanism is: set sasl_mechanism to PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512");
            }
        } else {
            if (saslUsername == null || saslUsername.isBlank()) {
                throw ConfigException.at("sasl_username", "is required with sasl_mechanism "
                        + saslMechanism.kafkaName() + ": the user kaf-mirror logs in as");
            }
            if (saslPassword == null) {
                throw ConfigException.at("sasl_password", "is required with sasl_mechanism "
                        + saslMechanism.kafkaName() + ": write it as ${VARIABLE} to keep it out of the file");
            }
        }
    }

    /** Kafka's {@code security.protocol} for these settings. */
    public String securityProtocol() {
        boolean sasl = saslMechanism != SaslMechanism.NONE;
        if (tls.enabled()) {
            return sasl ? "SASL_SSL" : "SSL";
        }
        return sasl ? "SASL_PLAINTEXT" : "PLAINTEXT";
    }

    /** Adds protocol, SASL and TLS settings of kafka-clients to {@code client}. */
    void applyTo(Properties client) {
        client.setProperty("security.protocol", securityProtocol());
        if (saslMechanism != SaslMechanism.NONE) {
            client.setProperty("sasl.mechanism", saslMechanism.kafkaName());
            client.setProperty("sasl.jaas.config", saslMechanism.loginModule() + " required username=\""
                    + jaasQuoted(saslUsername) + "\" password=\"" + jaasQuoted(saslPassword.reveal()) + "\";");
        }
        tls.applyTo(client);
    }

    // Kafka parses sasl.jaas.config with a StreamTokenizer, where a backslash escapes the next character
    // inside double quotes: without this a password holding " or \ would break the login.
    private static String jaasQuoted(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
