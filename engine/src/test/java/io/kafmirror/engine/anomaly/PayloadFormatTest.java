package io.kafmirror.engine.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadFormatTest {

    @Test
    void jsonDocumentsAreJsonWhateverTheirRoot() {
        assertThat(PayloadFormat.of(utf8("{\"order\":\"o-1\",\"amount\":12.5,\"items\":[1,2]}"))).isEqualTo(PayloadFormat.JSON);
        assertThat(PayloadFormat.of(utf8("  [1, {\"a\": null}]\n"))).isEqualTo(PayloadFormat.JSON);
        assertThat(PayloadFormat.of(utf8("\"Zürich\""))).isEqualTo(PayloadFormat.JSON);
    }

    @Test
    void whatABadDeployWritesIsNotJson() {
        assertThat(PayloadFormat.of(utf8("{\"order\":\"o-1\",\"amount\":1"))).as("cut off").isEqualTo(PayloadFormat.TEXT);
        assertThat(PayloadFormat.of(utf8("{\"a\":1} trailing"))).as("trailing words").isEqualTo(PayloadFormat.TEXT);
        assertThat(PayloadFormat.of(utf8("1 2"))).as("two documents").isEqualTo(PayloadFormat.TEXT);
        byte[] prefixed = concat(new byte[] {(byte) 0xde, (byte) 0xad, 0x7f}, utf8("{\"a\":1}"));
        assertThat(PayloadFormat.of(prefixed)).as("binary prefix").isEqualTo(PayloadFormat.BINARY);
        byte[] badUtf8 = concat(utf8("{\"a\":\""), new byte[] {(byte) 0xc3, 0x28}, utf8("\"}"));
        assertThat(PayloadFormat.of(badUtf8)).as("malformed UTF-8 in a string").isEqualTo(PayloadFormat.BINARY);
    }

    @Test
    void schemaRegistryValuesTextAndBytes() {
        assertThat(PayloadFormat.of(new byte[] {0, 0, 0, 0, 42, 2, 'h', 'i'})).isEqualTo(PayloadFormat.SCHEMA_REGISTRY);
        assertThat(PayloadFormat.of(new byte[] {0, 1})).as("too short for a schema id").isEqualTo(PayloadFormat.BINARY);
        assertThat(PayloadFormat.of(utf8("user 42 logged in\tfrom 10.0.0.1\r\n"))).isEqualTo(PayloadFormat.TEXT);
        assertThat(PayloadFormat.of(utf8("bell\u0007"))).as("control character").isEqualTo(PayloadFormat.BINARY);
        assertThat(PayloadFormat.of(null)).as("tombstone").isNull();
        assertThat(PayloadFormat.of(new byte[0])).isNull();
    }

    @Test
    void aTextTopicAdmitsJsonButAJsonTopicAdmitsNoText() {
        assertThat(PayloadFormat.TEXT.admits(PayloadFormat.JSON)).isTrue();
        assertThat(PayloadFormat.JSON.admits(PayloadFormat.TEXT)).isFalse();
        assertThat(PayloadFormat.SCHEMA_REGISTRY.admits(PayloadFormat.BINARY)).isFalse();
        assertThat(PayloadFormat.BINARY.admits(PayloadFormat.TEXT)).isTrue();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
