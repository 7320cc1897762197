package io.kafmirror.app.cli;

import java.io.Console;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/** Where a command reads a password: the first line of {@code --password-file} (scripts), else the terminal, unechoed. */
public final class PasswordInput {

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Read the password from the first line of FILE (for scripts) instead of asking on the terminal.")
    Path file;

    /** The password of {@code whom}; a new one is asked twice on the terminal. */
    char[] read(String whom, boolean isNew) {
        if (file != null) {
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (lines.isEmpty() || lines.get(0).isEmpty()) {
                    throw new IllegalArgumentException("The password file " + file + " is empty; put the password on its first line.");
                }
                return lines.get(0).toCharArray();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the password file " + file + ": " + e.getMessage(), e);
            }
        }
        Console console = terminal();
        char[] password = console.readPassword("Password for %s: ", whom);
        if (isNew) {
            char[] again = console.readPassword("Again: ");
            if (!Arrays.equals(password, again)) {
                throw new IllegalArgumentException("The two passwords differ; nothing was changed. Run the command again.");
            }
        }
        return password;
    }

    /** The terminal, to ask things on; refused with what to use instead when there is none. */
    static Console terminal() {
        Console console = System.console();
        if (console == null) {
            throw new IllegalStateException("There is no terminal to ask on: give --password-file FILE (and the user name as an"
                    + " option), or use a token for headless use.");
        }
        return console;
    }
}
