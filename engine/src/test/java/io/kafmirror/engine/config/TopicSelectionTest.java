package io.kafmirror.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicSelectionTest {

    final TopicSelection selection = TopicSelection.parse("orders.*,payments.*", "_confluent.*,__.*,orders\\.tmp");

    @Test
    void patternsMatchTheWholeTopicName() {
        assertThat(selection.matches("orders")).isTrue();
        assertThat(selection.matches("orders.eu")).isTrue();
        assertThat(selection.matches("payments-v2")).isTrue();
        assertThat(selection.matches("xorders")).isFalse();
        assertThat(selection.matches("my.payments")).isFalse();
        assertThat(TopicSelection.parse("orders", "").matches("orders.eu")).isFalse();
    }

    @Test
    void excludesWinOverIncludes() {
        assertThat(selection.matches("orders.tmp")).isFalse();
        assertThat(TopicSelection.parse(".*", "orders.*").matches("orders.eu")).isFalse();
        assertThat(TopicSelection.parse(".*", "orders.*").matches("payments")).isTrue();
    }

    @Test
    void internalTopicsAreNeverSelected() {
        TopicSelection everything = TopicSelection.parse(".*", "");

        assertThat(everything.matches("__consumer_offsets")).isFalse();
        assertThat(everything.matches("__transaction_state")).isFalse();
        assertThat(TopicSelection.parse("__.*", "").matches("__consumer_offsets")).isFalse();
        assertThat(everything.matches("kaf-mirror.drill.7.orders")).as("a restore drill's scratch topic").isFalse();
        assertThat(TopicSelection.parse("kaf-mirror\\..*", "").matches("kaf-mirror.drill.7.orders")).isFalse();
        assertThat(everything.matches("kaf-mirror.drills")).isTrue();
        assertThat(everything.matches("_schemas")).isTrue();
    }

    @Test
    void commaSeparatedPatternsAreTrimmedAndEmptyOnesIgnored() {
        TopicSelection spaced = TopicSelection.parse(" orders.* , payments.*,", null);

        assertThat(spaced.includes()).containsExactly("orders.*", "payments.*");
        assertThat(spaced.excludes()).isEmpty();
    }

    @Test
    void aListKeepsCommasInsidePatterns() {
        TopicSelection quantified = TopicSelection.of(List.of("audit\\.v[0-9]{1,3}"), List.of());

        assertThat(quantified.matches("audit.v12")).isTrue();
        assertThat(quantified.matches("audit.v1234")).isFalse();
        assertThat(quantified.written()).isEqualTo(List.of("audit\\.v[0-9]{1,3}"));
    }

    @Test
    void selectsFromAListOfTopicsInNameOrder() {
        assertThat(selection.selectFrom(List.of("payments", "xorders", "orders.b", "__consumer_offsets", "orders.a")))
                .containsExactly("orders.a", "orders.b", "payments");
    }

    @Test
    void needsAtLeastOneInclude() {
        assertThatThrownBy(() -> TopicSelection.parse(" , ", "x"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("no topic is included");
    }

    @Test
    void anInvalidPatternIsQuotedWithThePositionOfTheError() {
        assertThatThrownBy(() -> TopicSelection.parse("orders.*,inv[", ""))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'inv['")
                .hasMessageContaining("Unclosed character class")
                .hasMessageContaining("position 3");
    }

    @Test
    void readsTheShapesYamlGives() {
        assertThat(TopicSelection.fromYaml("a.*,b.*")).isEqualTo(TopicSelection.parse("a.*,b.*", ""));
        assertThat(TopicSelection.fromYaml(List.of("a.*", "b.*"))).isEqualTo(TopicSelection.parse("a.*,b.*", ""));
        assertThat(TopicSelection.fromYaml(Map.of("include", "a.*", "exclude", List.of("x"))))
                .isEqualTo(TopicSelection.parse("a.*", "x"));
    }

    @Test
    void namesWhereAPatternBreaksInTheMappingForm() {
        assertThatThrownBy(() -> TopicSelection.fromYaml(Map.of("include", "a.*", "exclude", "(x")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.path()).isEqualTo(ConfigPath.of("exclude")))
                .hasMessageContaining("'(x'");
        assertThatThrownBy(() -> TopicSelection.fromYaml(Map.of("includes", "a.*")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.path()).isEqualTo(ConfigPath.of("includes")))
                .hasMessageContaining("use include and exclude");
        assertThatThrownBy(() -> TopicSelection.fromYaml(Map.of("include", List.of("a", Map.of()))))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.path()).hasToString("include[1]"));
    }

    @Test
    void isWrittenInTheShortestShape() {
        assertThat(TopicSelection.parse("a.*,b.*", "").written()).isEqualTo("a.*,b.*");
        assertThat(selection.written()).isEqualTo(Map.of("include", "orders.*,payments.*", "exclude", "_confluent.*,__.*,orders\\.tmp"));
    }
}
