package io.kafmirror.app.cli;

import io.kafmirror.engine.config.Passphrase;
import java.io.Console;
import java.util.Arrays;
import java.util.Optional;

/** Asks on the terminal, without echo, for what must not be typed on a command line; nothing when there is no terminal. */
final class TerminalPrompt {

    private TerminalPrompt() {
    }

    /** The passphrase asked for when first needed; {@code twice} for a new one, so a typing mistake is not encrypted with. */
    static Passphrase passphrase(boolean twice) {
        return Passphrase.asked(() -> ask("Passphrase for the encrypted secrets: ", twice));
    }

    /** The answer to {@code prompt}, typed {@code twice} if asked; empty without a terminal. */
    static Optional<char[]> ask(String prompt, boolean twice) {
        Console console = System.console();
        if (console == null) {
            return Optional.empty();
        }
        char[] first = console.readPassword("%s", prompt);
        if (first == null) {
            return Optional.empty();
        }
        if (twice) {
            char[] again = console.readPassword("%s", "Again: ");
            boolean same = Arrays.equals(first, again);
            if (again != null) {
                Arrays.fill(again, '\0');
            }
            if (!same) {
                Arrays.fill(first, '\0');
                throw new IllegalArgumentException("The two entries differ: run the command again");
            }
        }
        return Optional.of(first);
    }
}
