package io.kafmirror.engine.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Mappings as the operator writes them on the command line, and the names they give or refuse. */
class TopicMappingTest {

    @Test
    void sameKeepsTheName() {
        assertThat(TopicMapping.parse("same").target("orders")).isEqualTo("orders");
    }

    @Test
    void prefixGoesBeforeTheName() {
        assertThat(TopicMapping.parse("prefix:restored.").target("orders")).isEqualTo("restored.orders");
    }

    @Test
    void regexRewritesTheWholeNameWithItsGroups() {
        TopicMapping mapping = TopicMapping.parse("regex:events\\.(.*)=bdr.events.$1");

        assertThat(mapping.target("events.clicks")).isEqualTo("bdr.events.clicks");
        assertThat(TopicMapping.parse("regex:(?<team>[a-z]+)-(?<name>.+)=${team}.restored.${name}").target("billing-invoices"))
                .isEqualTo("billing.restored.invoices");
    }

    @Test
    void theReplacementFollowsTheLastEqualsSignSoAPatternMayHoldOne() {
        assertThat(TopicMapping.parse("regex:(a[=b]*)x=$1.y").target("abx")).isEqualTo("ab.y");
    }

    @Test
    void aTopicTheRegexDoesNotMatchWhollyIsNamedWithThePattern() {
        TopicMapping mapping = TopicMapping.parse("regex:events\\.(.*)=bdr.events.$1");

        assertThatThrownBy(() -> mapping.target("orders"))
                .hasMessageContaining("Topic 'orders' does not match the mapping pattern 'events\\.(.*)'");
        // A match of only part of the name is no match: "audit.events.x" would otherwise become "audit.bdr.events.x".
        assertThatThrownBy(() -> mapping.target("audit.events.x")).hasMessageContaining("'audit.events.x' does not match");
    }

    @Test
    void aReplacementReferringToAMissingGroupIsRefused() {
        assertThatThrownBy(() -> TopicMapping.parse("regex:events\\.(.*)=bdr.$2").target("events.a"))
                .hasMessageContaining("replacement 'bdr.$2' does not fit the pattern 'events\\.(.*)'");
    }

    @Test
    void namesKafkaWouldRefuseAreRefusedWithTheReason() {
        assertThatThrownBy(() -> TopicMapping.parse("prefix:restored/").target("orders"))
                .hasMessageContaining("gives the target topic name 'restored/orders'")
                .hasMessageContaining("a-z A-Z 0-9 . _ -");
        assertThatThrownBy(() -> TopicMapping.parse("prefix:" + "r".repeat(244)).target("orders"))
                .hasMessageContaining("250 characters, Kafka accepts at most 249");
        assertThat(TopicMapping.parse("prefix:" + "r".repeat(243)).target("orders")).hasSize(249);
        assertThatThrownBy(() -> TopicMapping.parse("regex:orders=").target("orders"))
                .hasMessageContaining("Kafka does not accept '' as a topic name");
    }

    @Test
    void malformedMappingsSayHowToWriteOne() {
        assertThatThrownBy(() -> TopicMapping.parse("rename:orders")).hasMessageContaining("'rename:orders' is not a topic mapping")
                .hasMessageContaining("prefix:restored.");
        assertThatThrownBy(() -> TopicMapping.parse("prefix:")).hasMessageContaining("has no prefix");
        assertThatThrownBy(() -> TopicMapping.parse("regex:events")).hasMessageContaining("needs a pattern and a replacement");
        assertThatThrownBy(() -> TopicMapping.parse("regex:events(=x")).hasMessageContaining("pattern 'events(' is not a Java regular expression");
    }

    @Test
    void aMappingPrintsAsItIsWritten() {
        for (String text : new String[] {"same", "prefix:restored.", "regex:events\\.(.*)=bdr.events.$1"}) {
            assertThat(TopicMapping.parse(text)).hasToString(text).isEqualTo(TopicMapping.parse(text));
        }
    }
}
