package io.kafmirror.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretTest {

    @Test
    void neverPrintsItself() {
        Secret secret = Secret.of("hunter2");

        assertThat(secret).hasToString("****");
        assertThat(String.valueOf(Map.of("password", secret))).doesNotContain("hunter2");
        assertThat(secret.reveal()).isEqualTo("hunter2");
    }

    @Test
    void serialisesAsItsEnvironmentReferenceOrTheMask() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Secret fromEnvironment = Secret.fromEnvironment("KAFKA_PASS", new EnvExpansion(Map.of("KAFKA_PASS", "hunter2")));

        assertThat(json.writeValueAsString(Secret.of("hunter2"))).isEqualTo("\"****\"");
        assertThat(json.writeValueAsString(fromEnvironment)).isEqualTo("\"${KAFKA_PASS}\"");
        assertThat(fromEnvironment.reveal()).isEqualTo("hunter2");
        assertThat(fromEnvironment.writtenAs()).contains("${KAFKA_PASS}");
        assertThat(fromEnvironment).hasToString("****");
    }

    @Test
    void textWithoutAReferenceIsNotRememberedAsOne() {
        assertThat(Secret.expanded("pa$$word", "pa$word").writtenAs()).isEmpty();
        assertThat(Secret.expanded("${X:-fallback}", "fallback").writtenAs()).contains("${X:-fallback}");
    }

    @Test
    void anUnsetVariableIsNamed() {
        assertThatThrownBy(() -> Secret.fromEnvironment("NOPE", new EnvExpansion(Map.of())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("NOPE is not set");
    }

    @Test
    void equalityCoversValueAndReference() {
        assertThat(Secret.of("a")).isEqualTo(Secret.of("a")).isNotEqualTo(Secret.of("b"))
                .isNotEqualTo(Secret.expanded("${A}", "a"));
        assertThat(Secret.of("a").hashCode()).isEqualTo(Secret.of("a").hashCode());
    }
}
