package io.kafmirror.ui;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * The console's memory between starts, a small properties file in the data folder ({@code console.properties}): the
 * window, and whether the operator chose to go on without users in this folder.
 * The data folder rather than {@code java.util.prefs}: everything kaf-mirror keeps is then in one folder the
 * operator can see, move and delete, a test redirects it with a temporary folder, and no JVM-wide preferences
 * store (with its background sync and lock files under {@code ~/.java}) is involved.
 */
public final class ConsoleMemory {

    private static final String SCREEN = "screen";
    private static final String THEME = "theme";
    private static final String X = "window.x";
    private static final String Y = "window.y";
    private static final String WIDTH = "window.width";
    private static final String HEIGHT = "window.height";
    private static final String MAXIMIZED = "window.maximized";
    private static final String WITHOUT_USERS = "users.without";

    private final Path file;

    /** The memory kept in {@code file}. */
    public ConsoleMemory(Path file) {
        this.file = file;
    }

    /** The memory in {@code dataDir}, shared by every console started with that data folder. */
    public static ConsoleMemory in(Path dataDir) {
        return new ConsoleMemory(dataDir.resolve("console.properties"));
    }

    /** What was remembered, or empty on a first start or when the file is unreadable (it is only convenience). */
    public Optional<RememberedWindow> load() {
        Properties p = read();
        try {
            WindowGeometry geometry = new WindowGeometry(Double.parseDouble(p.getProperty(X)), Double.parseDouble(p.getProperty(Y)),
                    Double.parseDouble(p.getProperty(WIDTH)), Double.parseDouble(p.getProperty(HEIGHT)),
                    Boolean.parseBoolean(p.getProperty(MAXIMIZED)));
            return Optional.of(new RememberedWindow(Screen.byName(p.getProperty(SCREEN), Screen.CLUSTERS),
                    Theme.byName(p.getProperty(THEME), Theme.LIGHT), geometry));
        } catch (NumberFormatException | NullPointerException e) {
            // Edited by hand or written by another version: start as on a first start.
            return Optional.empty();
        }
    }

    /** Whether the operator chose to go on without users here, so the console no longer offers to create an administrator at start. */
    public boolean withoutUsersChosen() {
        return Boolean.parseBoolean(read().getProperty(WITHOUT_USERS));
    }

    /** Remembers that the operator chose to go on without users here. */
    public void chooseWithoutUsers() {
        Properties p = read();
        p.setProperty(WITHOUT_USERS, "true");
        write(p);
    }

    /** Remembers {@code window}, replacing the file atomically so a crash never leaves half of it. */
    public void save(RememberedWindow window) {
        // What else is remembered (the choice to go on without users) stays.
        Properties p = read();
        p.setProperty(SCREEN, window.screen().name());
        p.setProperty(THEME, window.theme().name());
        p.setProperty(X, Double.toString(window.geometry().x()));
        p.setProperty(Y, Double.toString(window.geometry().y()));
        p.setProperty(WIDTH, Double.toString(window.geometry().width()));
        p.setProperty(HEIGHT, Double.toString(window.geometry().height()));
        p.setProperty(MAXIMIZED, Boolean.toString(window.geometry().maximized()));
        write(p);
    }

    private Properties read() {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            // Missing on a first start; unreadable is no reason to refuse to start.
            return new Properties();
        }
        return p;
    }

    private void write(Properties p) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "console", ".tmp");
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                p.store(out, "kaf-mirror console: window, last screen, theme, and whether to go on without users");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the console's memory " + file + ": " + e.getMessage(), e);
        }
    }
}
