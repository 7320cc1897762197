package io.kafmirror.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Which theme the desktop prefers, read without network. JavaFX 21 has no {@code Platform.Preferences}, so on
 * Linux this asks GNOME ({@code gsettings}) and looks at {@code GTK_THEME}; elsewhere it answers light.
 * Runs a process: call it off the FX thread.
 */
public final class DesktopTheme {

    private static final long COMMAND_TIMEOUT_MILLIS = 2_000;

    private final String osName;
    private final Map<String, String> environment;
    private final Function<List<String>, Optional<String>> commandOutput;

    /**
     * A probe of an explicit machine, for tests.
     *
     * @param osName        the {@code os.name} system property
     * @param environment   the process environment
     * @param commandOutput runs a command and returns its standard output, empty when it cannot run or fails
     */
    public DesktopTheme(String osName, Map<String, String> environment, Function<List<String>, Optional<String>> commandOutput) {
        this.osName = osName;
        this.environment = environment;
        this.commandOutput = commandOutput;
    }

    /** A probe of the machine this JVM runs on. */
    public static DesktopTheme ofThisMachine() {
        return new DesktopTheme(System.getProperty("os.name", ""), System.getenv(), DesktopTheme::run);
    }

    /** The desktop's preferred theme; light when it cannot be told. */
    public Theme detect() {
        if (!osName.toLowerCase(Locale.ROOT).contains("linux")) {
            return Theme.LIGHT;
        }
        if (mentionsDark(environment.get("GTK_THEME"))) {
            return Theme.DARK;
        }
        // GNOME 42+ keeps the choice in color-scheme ('prefer-dark'); older desktops only in the GTK theme's name.
        Optional<String> scheme = commandOutput.apply(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"));
        if (scheme.filter(DesktopTheme::mentionsDark).isPresent()) {
            return Theme.DARK;
        }
        Optional<String> gtkTheme = commandOutput.apply(List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme"));
        return gtkTheme.filter(DesktopTheme::mentionsDark).isPresent() ? Theme.DARK : Theme.LIGHT;
    }

    private static boolean mentionsDark(String value) {
        return value != null && value.toLowerCase(Locale.ROOT).contains("dark");
    }

    private static Optional<String> run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(COMMAND_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            try (InputStream out = process.getInputStream()) {
                String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
                return process.exitValue() == 0 ? Optional.of(text.trim()) : Optional.empty();
            }
        } catch (IOException e) {
            // No gsettings (not GNOME, or a minimal system): nothing to learn from it.
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
