package io.kafmirror.app.cli;

import io.kafmirror.engine.config.Passphrase;
import io.kafmirror.engine.config.SealedSecrets;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kaf-mirror secrets encrypt}: reads a secret from the terminal (or one line of stdin) and prints it as an
 * {@code enc:v1:} value for the configuration file. The secret is never an argument, which would land in the shell's
 * history and the process list.
 */
@Command(name = "encrypt", mixinStandardHelpOptions = true,
        description = {"Read a secret from the terminal, or one line from stdin, and print it encrypted (enc:v1:...)"
                + " to paste into the configuration file in place of the secret.",
                "The passphrase comes from --passphrase-file, KAF_MIRROR_PASSPHRASE, the file KAF_MIRROR_PASSPHRASE_FILE"
                        + " names, or is asked for twice on the terminal. kaf-mirror needs the same passphrase to load the file."})
public final class SecretsEncrypt implements Callable<Integer> {

    @Option(names = "--passphrase-file", paramLabel = "FILE", description = "A file holding the passphrase.")
    Path passphraseFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Passphrase passphrase = (passphraseFile != null ? Passphrase.fromFile(passphraseFile, "--passphrase-file")
                : Passphrase.none()).orElse(Passphrase.fromEnvironment(System.getenv())).orElse(TerminalPrompt.passphrase(true));
        SealedSecrets secrets = new SealedSecrets(passphrase);
        if (!secrets.canEncrypt()) {
            throw new IllegalArgumentException("No passphrase to encrypt with: " + Passphrase.HOW_TO_GIVE);
        }
        String secret = TerminalPrompt.ask("Secret to encrypt: ", true).map(String::new).orElseGet(SecretsEncrypt::lineOfStdin);
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("The secret is empty: type it, or pipe it in as one line");
        }
        spec.commandLine().getOut().println(secrets.encrypt(secret));
        return 0;
    }

    private static String lineOfStdin() {
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the secret from stdin: " + e.getMessage(), e);
        }
    }
}
