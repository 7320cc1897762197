package io.kafmirror.app.cli;

import picocli.CommandLine.Command;

/** {@code kaf-mirror secrets}: secrets of the configuration file. */
@Command(name = "secrets", mixinStandardHelpOptions = true, description = "Encrypt secrets for the configuration file.",
        subcommands = {SecretsEncrypt.class})
public final class SecretsCommand {
}
