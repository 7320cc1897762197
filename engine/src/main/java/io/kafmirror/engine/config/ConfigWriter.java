package io.kafmirror.engine.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes configuration back as YAML that {@link ConfigLoader} reads, without a secret in clear: each
 * {@link Secret} is written as the environment reference or encrypted value it was read from
 * ({@code ${KAFKA_PASS}}, {@code enc:v1:…}). A secret given in clear is written as {@value Secret#MASK}
 * by {@link #toYaml} (for logs and the state database) and refused by {@link #write}, as a file holding
 * the mask would have lost it. Defaults are written out, and comments of a file that was read are not kept.
 */
public final class ConfigWriter {

    /** {@code config} (a {@link MirrorConfig} or any part of one) as YAML. */
    public String toYaml(Object config) {
        try {
            return ConfigYaml.mapper().writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + config.getClass().getSimpleName() + " as YAML", e);
        }
    }

    /**
     * Replaces {@code file} with {@code config} in one step, so a reader never sees half a file; a
     * {@link ConfigException} names a secret given in clear, and the file is left as it was.
     */
    public void write(MirrorConfig config, Path file) {
        Path target = file.toAbsolutePath();
        String yaml = fileYaml(config);
        try {
            Path staged = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                Files.writeString(staged, yaml, StandardCharsets.UTF_8);
                Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(staged);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the configuration to " + target + ": " + e.getMessage(), e);
        }
    }

    private static String fileYaml(MirrorConfig config) {
        try {
            return ConfigYaml.mapper().writer().withAttribute(ConfigYaml.REFUSE_CLEAR_SECRETS, true).writeValueAsString(config);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof ConfigException clear) {
                throw ConfigException.at(ConfigPath.of(e.getPath()), clear.problem());
            }
            throw new IllegalStateException("Cannot write the configuration as YAML", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the configuration as YAML", e);
        }
    }
}
