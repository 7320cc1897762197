package io.kafmirror.engine.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical JSON form of a snapshot body, whose SHA-256 the envelope records (see {@code docs/snapshots.md}):
 * UTF-8, no whitespace, object members sorted by name, integers in plain decimal, and a fixed string escaping.
 *
 * <p>Written here rather than by Jackson's generator on purpose: the hash of every stored snapshot depends
 * on these exact bytes, so they must not change when a library upgrade changes its escaping or ordering.
 */
final class CanonicalJson {

    private CanonicalJson() {
    }

    /** The canonical bytes of {@code node}; fails on values the form has no spelling for (fractions, lone surrogates). */
    static byte[] bytes(JsonNode node) {
        StringBuilder out = new StringBuilder();
        append(out, node);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Lower-case hex SHA-256 of the canonical bytes of {@code node}. */
    static String sha256(JsonNode node) {
        return sha256(bytes(node));
    }

    /** Lower-case hex SHA-256 of {@code bytes}. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** Appends {@code node} in canonical form. */
    static void append(StringBuilder out, JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                Map<String, JsonNode> sorted = new TreeMap<>();
                node.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
                out.append('{');
                String separator = "";
                for (Map.Entry<String, JsonNode> member : sorted.entrySet()) {
                    out.append(separator);
                    appendString(out, member.getKey());
                    out.append(':');
                    append(out, member.getValue());
                    separator = ",";
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                    append(out, it.next());
                    if (it.hasNext()) {
                        out.append(',');
                    }
                }
                out.append(']');
            }
            case STRING -> appendString(out, node.textValue());
            case NUMBER -> {
                if (!node.isIntegralNumber()) {
                    throw new IllegalArgumentException("the number " + node + " is not an integer; snapshot bodies hold integers only");
                }
                out.append(node.bigIntegerValue());
            }
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("a " + node.getNodeType() + " value has no JSON spelling");
        }
    }

    /** Appends {@code s} quoted: {@code "} and {@code \} escaped, control characters as short or {@code \}{@code u00xx} escapes. */
    private static void appendString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isSurrogate(c) && !pairedAt(s, i)) {
                        throw new IllegalArgumentException("a string holds a lone surrogate at index " + i + ", which UTF-8 cannot encode");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Whether the surrogate at {@code i} is half of a valid pair (a high one followed by a low one, or the reverse). */
    private static boolean pairedAt(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c)
                ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
