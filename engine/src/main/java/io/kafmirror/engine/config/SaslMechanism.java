package io.kafmirror.engine.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How kaf-mirror authenticates to a cluster with SASL; other mechanisms go in a cluster's {@code properties}. */
public enum SaslMechanism {
    /** No SASL: the connection is anonymous, or authenticated by a TLS client certificate. */
    @JsonProperty("none")
    NONE(null, null),
    /** User name and password sent as they are (use it over TLS only). */
    @JsonProperty("PLAIN")
    PLAIN("PLAIN", "org.apache.kafka.common.security.plain.PlainLoginModule"),
    /** Salted challenge-response with SHA-256. */
    @JsonProperty("SCRAM-SHA-256")
    SCRAM_SHA_256("SCRAM-SHA-256", "org.apache.kafka.common.security.scram.ScramLoginModule"),
    /** Salted challenge-response with SHA-512. */
    @JsonProperty("SCRAM-SHA-512")
    SCRAM_SHA_512("SCRAM-SHA-512", "org.apache.kafka.common.security.scram.ScramLoginModule");

    private final String kafkaName;
    private final String loginModule;

    SaslMechanism(String kafkaName, String loginModule) {
        this.kafkaName = kafkaName;
        this.loginModule = loginModule;
    }

    /** The value of kafka-clients' {@code sasl.mechanism}; {@code null} for {@link #NONE}. */
    public String kafkaName() {
        return kafkaName;
    }

    /** The JAAS login module class that carries user name and password for this mechanism. */
    String loginModule() {
        return loginModule;
    }
}
