package io.kafmirror.engine.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * A cluster's free {@code properties:} map, handed to kafka-clients as it is (e.g. AWS MSK IAM). Every
 * value is held as a {@link Secret}, and those that are secret print and serialise as their environment
 * reference or {@value Secret#MASK}: values kafka-clients types as passwords ({@code ssl.key.password},
 * …), values whose key names a password or secret, and a {@code sasl.jaas.config} that holds one. A JAAS
 * line without credentials (AWS MSK IAM's) stays readable, so a saved configuration still loads.
 */
public final class ClientProperties {

    /** No properties. */
    public static final ClientProperties NONE = new ClientProperties(Map.of());

    private static final String JAAS_CONFIG = "sasl.jaas.config";
    private static final Set<String> PASSWORD_KEYS = passwordKeys();

    private final Map<String, Secret> values;

    /** The properties {@code values}, in their order; every value is read as a secret and revealed where harmless. */
    @JsonCreator
    ClientProperties(Map<String, Secret> values) {
        Map<String, Secret> copy = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (value == null) {
                throw ConfigException.at(key, "has no value: give one, or remove the key");
            }
            copy.put(key, value);
        });
        this.values = Collections.unmodifiableMap(copy);
    }

    /** Properties given in clear, e.g. from the command line. */
    public static ClientProperties of(Map<String, String> clear) {
        Map<String, Secret> secrets = new LinkedHashMap<>();
        clear.forEach((key, value) -> secrets.put(key, value == null ? null : Secret.of(value)));
        return new ClientProperties(secrets);
    }

    /** Whether kaf-mirror hides {@code value} of the property {@code key}. */
    public static boolean isSecret(String key, String value) {
        if (key.equals(JAAS_CONFIG)) {
            return namesSecret(value);
        }
        return PASSWORD_KEYS.contains(key) || namesSecret(key);
    }

    /** The properties with their real values, for kafka-clients only. */
    public Map<String, String> revealed() {
        Map<String, String> clear = new LinkedHashMap<>();
        values.forEach((key, value) -> clear.put(key, value.reveal()));
        return clear;
    }

    /** The values kaf-mirror hides, by key: compared by value elsewhere, never shown. */
    public Map<String, Secret> secrets() {
        Map<String, Secret> hidden = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (isSecret(key, value.reveal()) || value.isEncrypted()) {
                hidden.put(key, value);
            }
        });
        return hidden;
    }

    /** The properties as they may be shown and written: secret values as their reference or mask. */
    @JsonValue
    Map<String, Object> written() {
        Map<String, Object> shown = new LinkedHashMap<>();
        values.forEach((key, value) -> shown.put(key, isSecret(key, value.reveal()) || value.isEncrypted() ? value : value.reveal()));
        return shown;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClientProperties other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return written().toString();
    }

    private static boolean namesSecret(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("password") || lower.contains("secret");
    }

    private static Set<String> passwordKeys() {
        Set<String> keys = new HashSet<>();
        for (ConfigDef definition : new ConfigDef[] {ConsumerConfig.configDef(), AdminClientConfig.configDef()}) {
            definition.configKeys().forEach((name, key) -> {
                if (key.type == ConfigDef.Type.PASSWORD) {
                    keys.add(name);
                }
            });
        }
        return Set.copyOf(keys);
    }
}
