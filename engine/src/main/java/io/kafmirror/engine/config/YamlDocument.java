package io.kafmirror.engine.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A parsed YAML document with the line and column of every key and value, so that problems found later
 * (by Jackson while binding, or by the configuration's own checks) can be reported where they are.
 *
 * <p>Every scalar is kept as the text written. YAML 1.1, which the parser follows, would read an
 * unquoted password {@code 0123} as the octal number 83 and {@code yes} as {@code true}; kept as text,
 * it reaches a string field unchanged, and a number or boolean field still converts it (refusing
 * {@code yes}, which is not {@code true} or {@code false}).
 */
final class YamlDocument {

    private final String source;
    private final JsonNode root;
    private final Map<String, JsonLocation> locations;

    private YamlDocument(String source, JsonNode root, Map<String, JsonLocation> locations) {
        this.source = source;
        this.root = root;
        this.locations = locations;
    }

    /** Parses {@code text}; a {@link ConfigException} reports malformed YAML and duplicate keys with their place. */
    static YamlDocument parse(String text, String source) {
        Map<String, JsonLocation> locations = new HashMap<>();
        try (JsonParser parser = ConfigYaml.mapper().createParser(text)) {
            JsonToken first = parser.nextToken();
            // An empty file is an empty configuration, not an error: the CLI starts from one.
            JsonNode root = first == null ? JsonNodeFactory.instance.objectNode() : node(parser, locations);
            return new YamlDocument(source, root, locations);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw ConfigException.at(ConfigPath.ROOT, syntaxProblem(e), e)
                    .locatedAt(ConfigPath.ROOT, source, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr());
        } catch (IOException e) {
            throw ConfigException.unreadable(source, e);
        }
    }

    /** The document's tree; {@link ConfigLoader} expands environment references in it before binding. */
    JsonNode root() {
        return root;
    }

    /**
     * Expands environment references in every value of the tree, in place; returns the text each changed
     * value was written as, by JSON pointer, so secrets can remember their reference.
     */
    Map<String, String> expand(EnvExpansion environment) {
        Map<String, String> writtenTexts = new HashMap<>();
        expand(root, ConfigPath.ROOT, environment, writtenTexts);
        return writtenTexts;
    }

    /** {@code problem} placed at {@code path} in this document, at the nearest position the parser recorded. */
    ConfigException locate(ConfigPath path, ConfigException problem) {
        for (ConfigPath at = path; ; at = at.parent()) {
            JsonLocation location = locations.get(at.pointer().toString());
            if (location != null || at.isRoot()) {
                return problem.locatedAt(path, source, location == null ? 0 : location.getLineNr(),
                        location == null ? 0 : location.getColumnNr());
            }
        }
    }

    /** The value starting at the parser's current token, recording where each key and value is. */
    private static JsonNode node(JsonParser parser, Map<String, JsonLocation> locations) throws IOException {
        // A key is recorded before its value, so a path points at the key: where people look.
        locations.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(), parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                locations.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(), parser.currentTokenLocation());
                parser.nextToken();
                object.set(key, node(parser, locations));
            }
            return object;
        }
        if (token == JsonToken.START_ARRAY) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                array.add(node(parser, locations));
            }
            return array;
        }
        return token == JsonToken.VALUE_NULL ? JsonNodeFactory.instance.nullNode() : JsonNodeFactory.instance.textNode(parser.getText());
    }

    private JsonNode expand(JsonNode node, ConfigPath path, EnvExpansion environment, Map<String, String> writtenTexts) {
        if (node instanceof ObjectNode object) {
            List<String> keys = new ArrayList<>();
            object.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                object.set(key, expand(object.get(key), path.child(key), environment, writtenTexts));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, expand(array.get(i), path.element(i), environment, writtenTexts));
            }
        } else if (node.isTextual()) {
            String expanded;
            try {
                expanded = environment.expand(node.textValue());
            } catch (ConfigException e) {
                throw locate(path, e);
            }
            if (!expanded.equals(node.textValue())) {
                writtenTexts.put(path.pointer().toString(), node.textValue());
                return JsonNodeFactory.instance.textNode(expanded);
            }
        }
        return node;
    }

    private static String syntaxProblem(JsonProcessingException e) {
        if (e.getOriginalMessage().startsWith("Duplicate field")) {
            return e.getOriginalMessage().replace("Duplicate field", "the key") + " is written twice in one mapping:"
                    + " keep one (YAML would silently use the last)";
        }
        // SnakeYAML's own text repeats the position and quotes the line; its context and problem say it all.
        String problem = e.getCause() instanceof MarkedYAMLException yaml
                ? (yaml.getContext() == null ? "" : yaml.getContext() + ": ") + yaml.getProblem()
                : e.getOriginalMessage().strip().replaceAll("\\s*\\n\\s*", " ");
        return "this is not valid YAML (" + problem + "): check the indentation (spaces only, children deeper"
                + " than their parent) and quote values that hold ': ', ' #' or start with a special character";
    }
}
