package io.kafmirror.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvExpansionTest {

    final EnvExpansion env = new EnvExpansion(Map.of("USER", "mirror", "EMPTY", "", "HOST", "k1"));

    @Test
    void replacesReferencesAnywhereInAValue() {
        assertThat(env.expand("${USER}")).isEqualTo("mirror");
        assertThat(env.expand("${HOST}:9092,k2:9092")).isEqualTo("k1:9092,k2:9092");
        assertThat(env.expand("no references")).isEqualTo("no references");
    }

    @Test
    void usesTheFallbackWhenTheVariableIsUnsetOrEmpty() {
        assertThat(env.expand("${MISSING:-fallback}")).isEqualTo("fallback");
        assertThat(env.expand("${EMPTY:-fallback}")).isEqualTo("fallback");
        assertThat(env.expand("${USER:-fallback}")).isEqualTo("mirror");
        assertThat(env.expand("${MISSING:-}")).isEmpty();
        assertThat(env.expand("${EMPTY}")).isEmpty();
    }

    @Test
    void keepsDollarsThatAreNoReference() {
        assertThat(env.expand("orders$")).isEqualTo("orders$");
        assertThat(env.expand("a$b")).isEqualTo("a$b");
        assertThat(env.expand("$${USER}")).isEqualTo("${USER}");
        assertThat(env.expand("pa$$word")).isEqualTo("pa$word");
    }

    @Test
    void namesAnUnsetVariableAndHowToFixIt() {
        assertThatThrownBy(() -> env.expand("${KAFKA_PASS}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("KAFKA_PASS is not set")
                .hasMessageContaining("${KAFKA_PASS:-value}");
    }

    @Test
    void refusesMalformedReferencesWithoutQuotingTheValue() {
        assertThatThrownBy(() -> env.expand("s3cr3t${USER")).hasMessageContaining("never closed")
                .message().doesNotContain("s3cr3t");
        assertThatThrownBy(() -> env.expand("s3cr3t${1X}")).hasMessageContaining("does not start with a variable name")
                .message().doesNotContain("s3cr3t").doesNotContain("1X");
        assertThatThrownBy(() -> env.expand("${}")).hasMessageContaining("does not start with a variable name");
    }

    @Test
    void tellsWhetherTextReadsTheEnvironment() {
        assertThat(EnvExpansion.refersToEnvironment("${X}")).isTrue();
        assertThat(EnvExpansion.refersToEnvironment("pre-${X:-d}")).isTrue();
        assertThat(EnvExpansion.refersToEnvironment("$${X}")).isFalse();
        assertThat(EnvExpansion.refersToEnvironment("pa$$word")).isFalse();
        assertThat(EnvExpansion.refersToEnvironment("plain")).isFalse();
    }
}
