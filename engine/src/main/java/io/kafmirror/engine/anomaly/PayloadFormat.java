package io.kafmirror.engine.anomaly;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * What a record value looks like from its bytes alone, the formats a topic's producers usually agree on. No schema
 * registry is asked: a value in the registry's wire format (magic byte 0, then a 4-byte schema id) is recognised as
 * such, whatever Avro, Protobuf or JSON Schema body follows.
 */
public enum PayloadFormat {

    /** A JSON document, parsed to its end. */
    JSON("valid JSON"),
    /** Schema-registry wire format: magic byte 0 and a 4-byte schema id before the serialised body. */
    SCHEMA_REGISTRY("in the schema-registry format (magic byte 0, schema id)"),
    /** UTF-8 text without control characters other than tab and line breaks. */
    TEXT("UTF-8 text"),
    /** Anything else. */
    BINARY("opaque bytes");

    private static final JsonFactory JSON_PARSERS = new JsonFactory();
    private static final int SCHEMA_REGISTRY_HEADER = 5;

    private final String words;

    PayloadFormat(String words) {
        this.words = words;
    }

    /** How a sentence says that a record is in this format, e.g. "valid JSON". */
    public String words() {
        return words;
    }

    /** Whether a record of format {@code other} is what a topic whose records are usually of this format expects. */
    public boolean admits(PayloadFormat other) {
        return switch (this) {
            case BINARY -> true;
            case TEXT -> other == TEXT || other == JSON;
            default -> other == this;
        };
    }

    /** The format of {@code value}; null for a tombstone or an empty value, which have none. */
    public static PayloadFormat of(byte[] value) {
        if (value == null || value.length == 0) {
            return null;
        }
        if (value[0] == 0) {
            return value.length >= SCHEMA_REGISTRY_HEADER ? SCHEMA_REGISTRY : BINARY;
        }
        if (isJson(value)) {
            return JSON;
        }
        return isText(value) ? TEXT : BINARY;
    }

    private static boolean isJson(byte[] value) {
        // Jackson reports malformed UTF-8, a truncated document and stray bytes as parse errors.
        try (JsonParser parser = JSON_PARSERS.createParser(value)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isText(byte[] value) {
        try {
            CharSequence text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value));
            return text.chars().noneMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r');
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
