package io.kafmirror.engine.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * The one Jackson setup for reading and writing the configuration: snake_case keys, lower-case enum
 * values, no unknown keys, duplicate keys refused, and the value types people write as text (sizes,
 * durations, paths, secrets).
 */
final class ConfigYaml {

    /** Reader attribute: the text each expanded value was written as, by JSON pointer (for {@link Secret}s). */
    static final String WRITTEN_TEXTS = "kaf-mirror.written-texts";
    /** Writer attribute: refuse a secret given in clear instead of writing the mask (writing into a file). */
    static final String REFUSE_CLEAR_SECRETS = "kaf-mirror.refuse-clear-secrets";
    /** Reader attribute: the {@link SealedSecrets} that decrypt {@code enc:v1:} values. */
    static final String SEALED_SECRETS = "kaf-mirror.sealed-secrets";
    /** Reader attribute: the folder relative paths are resolved against (the configuration file's). */
    static final String BASE_DIRECTORY = "kaf-mirror.base-directory";

    private static final YAMLMapper MAPPER = YAMLMapper.builder(YAMLFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    // Other YAML tools read an unquoted 0123 as a number; quoted, a text stays text everywhere.
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    // "type: s3" as people write it, not a YAML tag such as !<s3>.
                    .disable(YAMLGenerator.Feature.USE_NATIVE_TYPE_ID)
                    .build())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            // "parallelism: 2.5" is a mistake to report, not a number to truncate.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // Derived facts such as ClusterConfig#clientProperties are not configuration: only record
            // components and explicitly annotated accessors are written.
            .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.ALWAYS))
            .addModule(new SimpleModule("kaf-mirror-config")
                    .addDeserializer(Duration.class, new TextReader<>("a duration such as 30s, 5m or 30d", DurationText::parse))
                    .addSerializer(Duration.class, new TextWriter<>(DurationText::format))
                    .addDeserializer(Path.class, new PathReader())
                    .addSerializer(Path.class, new ToStringSerializer(Path.class))
                    .addDeserializer(Secret.class, new SecretReader())
                    .addSerializer(Secret.class, new SecretWriter()))
            .build();

    private ConfigYaml() {
    }

    /** The configured mapper; shared, as Jackson mappers are thread-safe once built. */
    static YAMLMapper mapper() {
        return MAPPER;
    }

    /** The text of a scalar YAML value; a {@link ConfigException} when a mapping or list stands where it belongs. */
    static String scalarText(JsonParser p, String expected) throws IOException {
        JsonToken token = p.currentToken();
        if (token == null || !token.isScalarValue() || token == JsonToken.VALUE_EMBEDDED_OBJECT) {
            throw ConfigException.of("expected " + expected + ", found " + (token == JsonToken.START_ARRAY ? "a list"
                    : token == JsonToken.START_OBJECT ? "a mapping" : "nothing"));
        }
        return p.getText();
    }

    /** Reads a value written as text with {@code parse}, which reports bad text with an IllegalArgumentException. */
    static class TextReader<T> extends JsonDeserializer<T> {
        private final String expected;
        private final Function<String, T> parse;

        TextReader(String expected, Function<String, T> parse) {
            this.expected = expected;
            this.parse = parse;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = scalarText(p, expected);
            try {
                return parse.apply(text);
            } catch (IllegalArgumentException e) {
                throw ConfigException.at(ConfigPath.ROOT, e.getMessage(), e);
            }
        }
    }

    /** Writes a value as the text {@code format} makes of it. */
    static class TextWriter<T> extends JsonSerializer<T> {
        private final Function<T, String> format;

        TextWriter(Function<T, String> format) {
            this.format = format;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(format.apply(value));
        }
    }

    /** Byte counts as {@link SizeText}; see {@link SizeInBytes}. */
    static final class SizeReader extends TextReader<Long> {
        SizeReader() {
            super("a size such as 16MiB", SizeText::parse);
        }
    }

    /** Byte counts as {@link SizeText}; see {@link SizeInBytes}. */
    static final class SizeWriter extends TextWriter<Long> {
        SizeWriter() {
            super(SizeText::format);
        }
    }

    /** Paths with {@code ~} for the home folder; relative ones are resolved against the configuration file's folder. */
    static final class PathReader extends JsonDeserializer<Path> {
        @Override
        public Path deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = scalarText(p, "a file or folder path").strip();
            if (text.isEmpty()) {
                throw ConfigException.of("is empty: give a path");
            }
            Path path;
            if (text.equals("~") || text.startsWith("~/")) {
                path = Path.of(System.getProperty("user.home"), text.substring(1).replaceFirst("^/", ""));
            } else if (text.startsWith("~")) {
                throw ConfigException.of("'" + text + "': only ~/ (your own home folder) is expanded; write the full path");
            } else {
                path = Path.of(text);
            }
            Object base = ctxt.getAttribute(BASE_DIRECTORY);
            return (base instanceof Path folder ? folder.resolve(path) : path.toAbsolutePath()).normalize();
        }
    }

    /**
     * Secrets as their reference, encrypted value or mask; with {@link #REFUSE_CLEAR_SECRETS} a secret given in clear
     * is an error rather than a mask, since a mask written into a file loses the secret.
     */
    static final class SecretWriter extends JsonSerializer<Secret> {
        @Override
        public void serialize(Secret secret, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            if (secret.writtenAs().isEmpty() && Boolean.TRUE.equals(serializers.getAttribute(REFUSE_CLEAR_SECRETS))) {
                throw ConfigException.of("is a secret given in clear, which kaf-mirror does not write into a file:"
                        + " write it as ${VARIABLE}, or give a passphrase (" + Passphrase.HOW_TO_GIVE + ") so that"
                        + " it is saved encrypted");
            }
            gen.writeString(secret.written());
        }
    }

    /**
     * Secrets, remembering the environment reference or encrypted value they were written as and decrypting the
     * latter; refuses the mask, which stands where {@link ConfigWriter} had a secret it would not write.
     */
    static final class SecretReader extends JsonDeserializer<Secret> {
        // A reader set up without the loader's secrets has no passphrase: an encrypted value says so.
        private static final SealedSecrets NO_PASSPHRASE = new SealedSecrets(Passphrase.none());

        @Override
        public Secret deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = scalarText(p, "a secret");
            Object texts = ctxt.getAttribute(WRITTEN_TEXTS);
            String written = texts instanceof Map<?, ?> map ? (String) map.get(p.getParsingContext().pathAsPointer().toString()) : null;
            // An encrypted value may also come from the environment (${KAFKA_PASS} holding enc:v1:…): the reference is kept.
            if (SecretCipher.isEncrypted(value)) {
                Object secrets = ctxt.getAttribute(SEALED_SECRETS);
                String secret = (secrets instanceof SealedSecrets given ? given : NO_PASSPHRASE).decrypt(value);
                return written != null ? Secret.expanded(written, secret) : Secret.encrypted(value, secret);
            }
            if (written != null) {
                return Secret.expanded(written, value);
            }
            if (Secret.MASK.equals(value)) {
                throw ConfigException.of("is " + Secret.MASK + ", the mask kaf-mirror writes instead of a secret it"
                        + " must not store in clear: put the secret in an environment variable and write ${VARIABLE}"
                        + " here, or encrypt it with 'kaf-mirror secrets encrypt'");
            }
            return Secret.of(value);
        }
    }

}
