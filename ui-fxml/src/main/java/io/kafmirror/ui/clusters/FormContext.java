package io.kafmirror.ui.clusters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiPredicate;

/**
 * What a form needs from the screen around it.
 *
 * @param configFolder the folder of the configuration file, which relative paths start from (as when loading)
 * @param environment  the environment {@code ${VARIABLE}} references are read from
 * @param nameTaken    whether another entry of the same section than the given one already has the name
 * @param changed      told whenever a field of a form changes
 */
public record FormContext(Path configFolder, EnvironmentValues environment, BiPredicate<EntryForm, String> nameTaken,
                          Runnable changed) {

    /**
     * The file or folder {@code text} names, resolved as {@code ConfigLoader} resolves paths; {@code null} when
     * it names none yet (blank, or a reference that cannot be expanded).
     */
    public Path resolve(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String expanded;
        try {
            expanded = environment.expand(text).strip();
        } catch (RuntimeException e) {
            return null;
        }
        if (expanded.equals("~") || expanded.startsWith("~/")) {
            return Path.of(System.getProperty("user.home"), expanded.substring(1).replaceFirst("^/", "")).normalize();
        }
        return configFolder.resolve(expanded).normalize();
    }

    /** A problem with the file {@code text} names, or none when it can be read. */
    public FieldNote readableFile(String text) {
        Path file = resolve(text);
        if (file == null) {
            return FieldNote.NONE;
        }
        if (!Files.exists(file)) {
            return FieldNote.error("no file at " + file + ": check the path");
        }
        if (Files.isDirectory(file)) {
            return FieldNote.error(file + " is a folder: give the file inside it");
        }
        if (!Files.isReadable(file)) {
            return FieldNote.error("cannot read " + file + ": check its permissions");
        }
        return FieldNote.NONE;
    }

    /** The text to write for the path {@code text}: references and {@code ~} as typed, anything else resolved. */
    public String written(String text) {
        String stripped = text.strip();
        if (EnvironmentValues.refersToEnvironment(stripped) || stripped.startsWith("~")) {
            return stripped;
        }
        // The loader resolves a relative path against the file's folder, but a part read on its own against
        // the working folder: resolve it here so both mean the same file.
        return configFolder.resolve(stripped).normalize().toString();
    }
}
