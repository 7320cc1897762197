package io.kafmirror.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The secret of a {@code kaf-mirror login} session, in {@code <data>/sessions/<os-user>.session}, readable by its owner
 * only: beside the database it opens, one per operating-system user sharing the folder.
 */
final class SessionFile {

    private final Path file;

    SessionFile(Path dataDir) {
        this.file = dataDir.toAbsolutePath().resolve("sessions")
                .resolve(System.getProperty("user.name", "unknown").replaceAll("[^A-Za-z0-9._-]", "_") + ".session");
    }

    /** The stored session's secret, if there is one. */
    Optional<String> read() {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the login session " + file + ": " + e.getMessage(), e);
        }
    }

    /** Stores {@code secret}, readable by its owner only. */
    void write(String secret) {
        SecretFile.write(file, secret);
    }

    /** Deletes the stored session. */
    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the login session " + file + ": " + e.getMessage(), e);
        }
    }

    /** Where it is, for messages. */
    Path file() {
        return file;
    }
}
