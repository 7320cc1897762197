package io.kafmirror.engine.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The passphrase that encrypts secrets at rest ({@link SecretCipher}), looked for only when a secret needs it, so a
 * configuration without encrypted values never asks for one. It comes from {@value #VARIABLE}, from the file
 * {@value #FILE_VARIABLE} or {@code --passphrase-file} names (systemd credentials), or from a prompt on a terminal.
 * The operating system's key store is not used: libsecret, Keychain and DPAPI are out of reach of plain Java.
 */
public final class Passphrase {

    /** The environment variable holding the passphrase itself. */
    public static final String VARIABLE = "KAF_MIRROR_PASSPHRASE";
    /** The environment variable naming a file that holds the passphrase. */
    public static final String FILE_VARIABLE = "KAF_MIRROR_PASSPHRASE_FILE";
    /** What to tell someone who gave none. */
    public static final String HOW_TO_GIVE = "set " + VARIABLE + ", point " + FILE_VARIABLE + " or --passphrase-file at a"
            + " file holding it, or start kaf-mirror on a terminal to be asked for it";

    private static final Passphrase NONE = new Passphrase(Optional::empty);

    private final Supplier<Optional<char[]>> source;
    private Optional<char[]> found;

    private Passphrase(Supplier<Optional<char[]>> source) {
        this.source = source;
    }

    /** No passphrase: encrypted values cannot be read, and secrets typed in clear cannot be saved. */
    public static Passphrase none() {
        return NONE;
    }

    /** The passphrase {@code text}; empty text is none. */
    public static Passphrase of(String text) {
        return text == null || text.isEmpty() ? NONE : new Passphrase(() -> Optional.of(text.toCharArray()));
    }

    /** The passphrase {@code source} gives when first asked, e.g. a prompt; an empty answer is none. */
    public static Passphrase asked(Supplier<Optional<char[]>> source) {
        return new Passphrase(() -> source.get().filter(chars -> chars.length > 0));
    }

    /**
     * The content of {@code file} without its trailing line break, read when first needed; {@code origin} (e.g.
     * {@code --passphrase-file}) names where the file was given in the message when it cannot be read.
     */
    public static Passphrase fromFile(Path file, String origin) {
        return new Passphrase(() -> {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8).replaceFirst("\\R\\z", "");
                if (text.isEmpty()) {
                    throw ConfigException.of("the passphrase file " + file + " (" + origin + ") is empty: write the"
                            + " passphrase into it");
                }
                return Optional.of(text.toCharArray());
            } catch (IOException e) {
                throw ConfigException.of("cannot read the passphrase file " + file + " named by " + origin + " ("
                        + e.getClass().getSimpleName() + ": " + e.getMessage() + "): check the path and its permissions");
            }
        });
    }

    /** {@value #VARIABLE} of {@code environment}, else the file {@value #FILE_VARIABLE} names, else none. */
    public static Passphrase fromEnvironment(Map<String, String> environment) {
        String text = environment.get(VARIABLE);
        if (text != null && !text.isEmpty()) {
            return of(text);
        }
        String file = environment.get(FILE_VARIABLE);
        return file == null || file.isBlank() ? NONE : fromFile(Path.of(file), FILE_VARIABLE);
    }

    /** This passphrase, or {@code other} when this one is none. */
    public Passphrase orElse(Passphrase other) {
        return new Passphrase(() -> value().or(other::value));
    }

    /** The passphrase, a copy the caller may wipe; looked for on the first call only. */
    public synchronized Optional<char[]> value() {
        if (found == null) {
            found = source.get();
        }
        return found.map(char[]::clone);
    }
}
