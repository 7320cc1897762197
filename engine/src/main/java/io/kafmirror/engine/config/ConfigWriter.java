package io.kafmirror.engine.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes configuration back as YAML that {@link ConfigLoader} reads, without a secret in clear: each
 * {@link Secret} is written as the environment reference it was read from ({@code ${KAFKA_PASS}}), or
 * as {@value Secret#MASK}, which the loader refuses with a message saying how to fix it. Defaults are
 * written out, and comments of a file that was read are not kept.
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

    /** Replaces {@code file} with {@code config} in one step, so a reader never sees half a file. */
    public void write(MirrorConfig config, Path file) {
        Path target = file.toAbsolutePath();
        try {
            Path staged = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                Files.writeString(staged, toYaml(config), StandardCharsets.UTF_8);
                Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(staged);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the configuration to " + target + ": " + e.getMessage(), e);
        }
    }
}
