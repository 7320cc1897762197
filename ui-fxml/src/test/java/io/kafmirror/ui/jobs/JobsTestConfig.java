package io.kafmirror.ui.jobs;

import io.kafmirror.engine.testkit.KafkaTestBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A configuration file with the cluster {@code test} on the shared test broker and a local store {@code local}. */
final class JobsTestConfig {

    private JobsTestConfig() {
    }

    /** Writes it into {@code dir}. */
    static Path write(Path dir) {
        Path file = dir.resolve("config.yml");
        try {
            Files.writeString(file, "clusters:\n  test: { brokers: \"" + KafkaTestBroker.shared().bootstrap() + "\" }\n"
                    + "stores:\n  local: { type: local, path: \"" + dir.resolve("store") + "\" }\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
