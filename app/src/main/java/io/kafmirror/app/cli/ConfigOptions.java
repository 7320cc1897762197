package io.kafmirror.app.cli;

import io.kafmirror.engine.config.ConfigLoader;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.config.Passphrase;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which configuration file (clusters, stores, jobs) a command reads. */
public final class ConfigOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "The YAML configuration (clusters, stores, jobs). Default: ${DEFAULT-VALUE}.",
            defaultValue = "${env:KAF_MIRROR_CONFIG:-${sys:user.home}/.kaf-mirror/config.yml}")
    Path config;

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "A file holding the passphrase of the encrypted (enc:v1:) secrets in the configuration."
                    + " Default: KAF_MIRROR_PASSPHRASE, the file KAF_MIRROR_PASSPHRASE_FILE names, or a prompt on a terminal.")
    Path passphraseFile;

    /** The configuration file's path, whether or not it exists yet (the console can start without one). */
    public Path file() {
        return config;
    }

    /** The passphrase of encrypted secrets: {@code --passphrase-file}, the environment, or a prompt on a terminal. */
    public Passphrase passphrase() {
        Passphrase given = passphraseFile != null ? Passphrase.fromFile(passphraseFile, "--passphrase-file") : Passphrase.none();
        return given.orElse(Passphrase.fromEnvironment(System.getenv())).orElse(TerminalPrompt.passphrase(false));
    }

    /** Loads the configuration, expanding ${VARIABLES} from the environment and decrypting with {@link #passphrase()}. */
    public MirrorConfig load() {
        if (!Files.isRegularFile(config)) {
            throw new IllegalArgumentException("No configuration file at " + config.toAbsolutePath() + ". Create one"
                    + " (configs/example.yml shows every option) or point --config or KAF_MIRROR_CONFIG at it.");
        }
        return new ConfigLoader(System.getenv(), passphrase()).load(config);
    }
}
