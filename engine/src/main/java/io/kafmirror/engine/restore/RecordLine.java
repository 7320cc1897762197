package io.kafmirror.engine.restore;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonGenerator;
import io.kafmirror.kfs.format.KfsRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;

/**
 * One stored record as a line of a restore file (JSON Lines; the format is specified in docs/restore.md, "Restore to a file"):
 *
 * <pre>{"partition":0,"offset":7,"timestamp":1778681580000,"timestampType":"CreateTime",
 *  "key":"order-7","keyEncoding":"utf8","value":"AAEC/w==","valueEncoding":"base64",
 *  "headers":[{"key":"trace","value":"t-7","valueEncoding":"utf8"}]}</pre>
 *
 * <p>Every field is always present, in this order. {@code timestamp} is null for a record that carries none. Key, value
 * and each header value are followed by their encoding: {@code utf8} when the bytes are valid UTF-8, written as that
 * text; else {@code base64}, the standard alphabet with padding (RFC 4648 §4); both null for a null array, so a
 * tombstone stays apart from an empty value ({@code "", "utf8"}). Decoding the text as the encoding says gives back the
 * stored bytes exactly. Header keys are Kafka strings, written as text.
 *
 * <p>Not thread-safe: it reuses one UTF-8 decoder.
 */
final class RecordLine {

    private static final String UTF8 = "utf8";
    private static final String BASE64 = "base64";

    // Strict, so bytes that are not UTF-8 go out as base64 instead of being replaced with U+FFFD and lost.
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    /** Writes {@code r} of {@code partition} as one object and the line's end. */
    void write(JsonGenerator json, int partition, KfsRecord r) throws IOException {
        json.writeStartObject();
        json.writeNumberField("partition", partition);
        json.writeNumberField("offset", r.offset());
        if (r.timestamp() == KfsRecord.NO_TIMESTAMP) {
            json.writeNullField("timestamp");
        } else {
            json.writeNumberField("timestamp", r.timestamp());
        }
        json.writeStringField("timestampType", r.timestampType().name);
        writeBytes(json, "key", r.key());
        writeBytes(json, "value", r.value());
        json.writeArrayFieldStart("headers");
        for (Header h : r.headers()) {
            json.writeStartObject();
            json.writeStringField("key", h.key());
            writeBytes(json, "value", h.value());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeRaw('\n');
    }

    /** Writes {@code name} and {@code nameEncoding}. */
    private void writeBytes(JsonGenerator json, String name, byte[] bytes) throws IOException {
        json.writeFieldName(name);
        if (bytes == null) {
            json.writeNull();
            json.writeNullField(name + "Encoding");
            return;
        }
        String text = text(bytes);
        if (text != null) {
            json.writeString(text);
            json.writeStringField(name + "Encoding", UTF8);
        } else {
            json.writeBinary(Base64Variants.MIME_NO_LINEFEEDS, bytes, 0, bytes.length);
            json.writeStringField(name + "Encoding", BASE64);
        }
    }

    /** {@code bytes} as text, or null when they are not valid UTF-8. */
    private String text(byte[] bytes) {
        try {
            return utf8.reset().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
    }
}
