package io.kafmirror.app.cli;

import io.kafmirror.engine.config.ConfigLoader;
import io.kafmirror.engine.config.MirrorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which configuration file (clusters, stores, jobs) a command reads. */
public final class ConfigOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "The YAML configuration (clusters, stores, jobs). Default: ${DEFAULT-VALUE}.",
            defaultValue = "${env:KAF_MIRROR_CONFIG:-${sys:user.home}/.kaf-mirror/config.yml}")
    Path config;

    /** The configuration file's path, whether or not it exists yet (the console can start without one). */
    public Path file() {
        return config;
    }

    /** Loads the configuration, expanding ${VARIABLES} from the environment. */
    public MirrorConfig load() {
        if (!Files.isRegularFile(config)) {
            throw new IllegalArgumentException("No configuration file at " + config.toAbsolutePath() + ". Create one"
                    + " (configs/example.yml shows every option) or point --config or KAF_MIRROR_CONFIG at it.");
        }
        return new ConfigLoader().load(config);
    }
}
