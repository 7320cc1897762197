package io.kafmirror.engine.config;

import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kafka cluster kaf-mirror reads from.
 *
 * @param brokers    bootstrap servers, {@code host:port} separated by commas
 * @param security   authentication and TLS; default none
 * @param properties further kafka-clients settings, applied last so they override what kaf-mirror derives
 */
public record ClusterConfig(String brokers, SecurityConfig security, ClientProperties properties) {

    private static final Pattern ADDRESS = Pattern.compile("(.+):(\\d{1,5})");

    /** Applies defaults and checks that every broker address has a host and a port. */
    public ClusterConfig {
        if (brokers == null || brokers.isBlank()) {
            throw ConfigException.at("brokers", "is required: the bootstrap servers as host:port, separated by commas");
        }
        for (String address : brokers.split(",")) {
            Matcher m = ADDRESS.matcher(address.strip());
            if (!m.matches() || Integer.parseInt(m.group(2)) == 0 || Integer.parseInt(m.group(2)) > 65535) {
                throw ConfigException.at("brokers", "'" + address.strip() + "' is not host:port (e.g. kafka-1:9092,"
                        + " [::1]:9092); separate several brokers with commas");
            }
        }
        security = security != null ? security : SecurityConfig.NONE;
        properties = properties != null ? properties : ClientProperties.NONE;
    }

    /** A cluster at {@code brokers} without security or extra properties. */
    public static ClusterConfig of(String brokers) {
        return new ClusterConfig(brokers, null, null);
    }

    /**
     * The kafka-clients settings to connect with: bootstrap servers, security protocol, SASL login, TLS
     * trust and key store, then the {@code properties} map on top. Holds secrets in clear: pass it to a
     * client, never to a log.
     */
    public Properties clientProperties() {
        Properties client = new Properties();
        client.setProperty("bootstrap.servers", brokers);
        security.applyTo(client);
        client.putAll(properties.revealed());
        return client;
    }
}
