package io.kafmirror.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The configuration file most CLI tests need: cluster {@code prod} at a broker, store {@code local} in a folder. */
final class CliConfig {

    private CliConfig() {
    }

    /** Writes {@code dir/config.yml} for the broker at {@code bootstrap} and the store folder {@code dir/store}. */
    static Path write(Path dir, String bootstrap) throws IOException {
        return Files.writeString(dir.resolve("config.yml"), """
                clusters:
                  prod:
                    brokers: "%s"
                stores:
                  local:
                    type: local
                    path: %s
                """.formatted(bootstrap, dir.resolve("store")));
    }
}
