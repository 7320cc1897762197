package io.kafmirror.engine.snapshot;

import java.util.Objects;

/**
 * One configuration value of a topic as the source reported it.
 *
 * @param value  the value, or {@code null} when the source withholds it (a sensitive config)
 * @param source where it comes from, Kafka's {@code ConfigEntry.ConfigSource} name: {@code DYNAMIC_TOPIC_CONFIG}
 *               for a topic override, {@code STATIC_BROKER_CONFIG} and the like for broker-wide settings,
 *               {@code DEFAULT_CONFIG} for Kafka's default. A restore recreates overrides and decides about the rest.
 */
public record TopicConfig(String value, String source) {

    /** Kafka's source name of a value set on the topic itself. */
    public static final String TOPIC_OVERRIDE = "DYNAMIC_TOPIC_CONFIG";

    public TopicConfig {
        Objects.requireNonNull(source, "source");
    }

    /** Whether the value was set on the topic itself, rather than inherited from the broker or Kafka's defaults. */
    public boolean topicOverride() {
        return TOPIC_OVERRIDE.equals(source);
    }
}
