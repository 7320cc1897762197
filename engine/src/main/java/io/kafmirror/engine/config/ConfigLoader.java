package io.kafmirror.engine.config;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads kaf-mirror's YAML configuration: parses it, expands {@code ${VARIABLE}} references from the
 * environment (see {@link EnvExpansion}), binds it to the configuration records and reports every
 * problem as one {@link ConfigException} with file, line, column and key path.
 *
 * <p>References are expanded in values only, never in keys, before binding, so that any value may come
 * from the environment: {@code verify_hostname: ${VERIFY:-true}} works like a literal {@code true}.
 * Relative paths are resolved against the folder of the file they are written in.
 */
public final class ConfigLoader {

    private final EnvExpansion environment;
    private final SealedSecrets secrets;

    /** A loader expanding references from the process environment, and decrypting with the passphrase it gives. */
    public ConfigLoader() {
        this(System.getenv());
    }

    /** A loader expanding references from {@code environment}, and decrypting with the passphrase it gives ({@link Passphrase#fromEnvironment}). */
    public ConfigLoader(Map<String, String> environment) {
        this(environment, Passphrase.fromEnvironment(environment));
    }

    /** A loader expanding references from {@code environment} and decrypting {@code enc:v1:} values with {@code passphrase}. */
    public ConfigLoader(Map<String, String> environment, Passphrase passphrase) {
        this.environment = new EnvExpansion(environment);
        this.secrets = new SealedSecrets(passphrase);
    }

    /** The secrets this loader decrypts, which also encrypt with the same passphrase. */
    public SealedSecrets secrets() {
        return secrets;
    }

    /** Loads the configuration file {@code file}. */
    public MirrorConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ConfigException.unreadable(file.toString(), e);
        }
        return read(text, MirrorConfig.class, file.toString(), file.toAbsolutePath().getParent());
    }

    /** Loads a configuration from {@code in}, named {@code sourceName} in messages; relative paths are taken from the working folder. */
    public MirrorConfig load(InputStream in, String sourceName) {
        String text;
        try {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ConfigException.unreadable(sourceName, e);
        }
        return read(text, MirrorConfig.class, sourceName);
    }

    /**
     * Reads one part of a configuration, e.g. a {@link JobConfig} or {@link ClusterConfig} kept as YAML
     * elsewhere, with the same expansion and checks as a whole file.
     */
    public <T> T read(String yaml, Class<T> type, String sourceName) {
        return read(yaml, type, sourceName, Path.of("").toAbsolutePath());
    }

    private <T> T read(String yaml, Class<T> type, String sourceName, Path baseDirectory) {
        YamlDocument document = YamlDocument.parse(yaml, sourceName);
        Map<String, String> writtenTexts = document.expand(environment);
        try {
            return ConfigYaml.mapper().readerFor(type)
                    .withAttribute(ConfigYaml.WRITTEN_TEXTS, writtenTexts)
                    .withAttribute(ConfigYaml.SEALED_SECRETS, secrets)
                    .withAttribute(ConfigYaml.BASE_DIRECTORY, baseDirectory)
                    .readValue(document.root());
        } catch (JsonMappingException e) {
            throw explain(e, document);
        } catch (IOException e) {
            throw ConfigException.unreadable(sourceName, e);
        }
    }


    /** Turns what Jackson reports into what the user needs: where, what, and what to do. */
    private static ConfigException explain(JsonMappingException e, YamlDocument document) {
        ConfigPath path = ConfigPath.of(e.getPath());
        if (e instanceof ValueInstantiationException failed) {
            // Jackson checks a record's keys only after constructing it, so a misspelt required key would
            // be reported as missing; the misspelling is the real problem.
            Optional<ConfigException> unknown = unknownKey(document, path, failed.getType(), e);
            if (unknown.isPresent()) {
                return unknown.get();
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConfigException problem) {
                return document.locate(path.resolve(problem.path()), problem);
            }
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return unknownKey(document, path, unknown.getPropertyName(), unknown.getKnownPropertyIds(), e);
        }
        if (e instanceof InvalidTypeIdException type) {
            String kinds = LocalStoreConfig.TYPE + " or " + S3BucketConfig.TYPE;
            String problem = type.getTypeId() == null ? "is required: the kind of store, " + kinds
                    : "'" + type.getTypeId() + "' is not a kind of store: use " + kinds;
            return document.locate(path.child("type"), ConfigException.at(ConfigPath.ROOT, problem, e));
        }
        if (e instanceof InvalidFormatException format) {
            return document.locate(path, ConfigException.at(ConfigPath.ROOT, "'" + format.getValue() + "' is not "
                    + expected(format.getTargetType()), e));
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return document.locate(path, ConfigException.at(ConfigPath.ROOT, "expected " + expected(mismatch.getTargetType())
                    + " here", e));
        }
        String problem = e.getCause() instanceof IllegalArgumentException illegal ? illegal.getMessage() : e.getOriginalMessage();
        return document.locate(path, ConfigException.at(ConfigPath.ROOT, problem, e));
    }

    /** The first key of the mapping at {@code path} that {@code type} does not have, if any. */
    private static Optional<ConfigException> unknownKey(YamlDocument document, ConfigPath path, JavaType type,
                                                        JsonMappingException e) {
        JsonNode mapping = document.root().at(path.pointer());
        if (!mapping.isObject()) {
            return Optional.empty();
        }
        Set<Object> known = new TreeSet<>();
        ConfigYaml.mapper().getDeserializationConfig().introspect(type).findProperties()
                .forEach(property -> known.add(property.getName()));
        if (known.isEmpty()) {
            return Optional.empty(); // read from a whole value (TopicSelection), not key by key
        }
        for (Class<?> kind : type.getRawClass().getInterfaces()) {
            JsonTypeInfo typeInfo = kind.getAnnotation(JsonTypeInfo.class);
            if (typeInfo != null) {
                known.add(typeInfo.property());
            }
        }
        for (Iterator<String> keys = mapping.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!known.contains(key)) {
                return Optional.of(unknownKey(document, path.child(key), key, known, e));
            }
        }
        return Optional.empty();
    }

    private static ConfigException unknownKey(YamlDocument document, ConfigPath path, String key, Collection<Object> known,
                                              JsonMappingException e) {
        String keys = known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
        return document.locate(path, ConfigException.at(ConfigPath.ROOT, "unknown key '" + key + "' (the keys here are "
                + keys + "): check its spelling and indentation", e));
    }

    private static String expected(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> ConfigYaml.mapper().convertValue(constant, String.class))
                    .collect(Collectors.joining(", "));
        }
        if (type == String.class) {
            return "a single value";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a mapping of keys to values";
    }
}
