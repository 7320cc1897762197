package io.kafmirror.engine.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void membersAreSortedAtEveryLevelAndWhitespaceDropped() throws Exception {
        String canonical = canonical("{ \"b\": [ 3, {\"z\": 1, \"a\": null} ], \"a\": { \"y\": true, \"x\": false } }");
        assertThat(canonical).isEqualTo("{\"a\":{\"x\":false,\"y\":true},\"b\":[3,{\"a\":null,\"z\":1}]}");
    }

    @Test
    void stringsEscapeOnlyQuotesBackslashesAndControlCharacters() throws Exception {
        assertThat(canonical("[\"q\\\" b\\\\ \\/ \\n\\t\\r\\b\\f \\u0001\\u001f \\u007f é 🚀\"]"))
                .isEqualTo("[\"q\\\" b\\\\ / \\n\\t\\r\\b\\f \\u0001\\u001f \u007f é 🚀\"]");
    }

    @Test
    void integersAreExactAtAnySize() throws Exception {
        assertThat(canonical("[0, -1, 9223372036854775807, 123456789012345678901234567890]"))
                .isEqualTo("[0,-1,9223372036854775807,123456789012345678901234567890]");
    }

    @Test
    void fractionsAndLoneSurrogatesHaveNoCanonicalForm() {
        assertThatThrownBy(() -> canonical("[1.5]")).hasMessageContaining("is not an integer");
        assertThatThrownBy(() -> canonical("[\"\\ud800x\"]")).hasMessageContaining("lone surrogate at index 0");
        assertThatThrownBy(() -> canonical("[\"x\\udc00\"]")).hasMessageContaining("lone surrogate at index 1");
    }

    @Test
    void theHashIsTheSha256OfTheCanonicalBytes() throws Exception {
        assertThat(CanonicalJson.sha256(JSON.readTree("{}")))
                .isEqualTo("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
    }

    private static String canonical(String json) throws Exception {
        return new String(CanonicalJson.bytes(JSON.readTree(json)), StandardCharsets.UTF_8);
    }
}
