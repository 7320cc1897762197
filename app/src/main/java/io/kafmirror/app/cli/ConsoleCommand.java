package io.kafmirror.app.cli;

import io.kafmirror.ui.ConsoleAction;
import io.kafmirror.ui.ConsoleApplication;
import io.kafmirror.ui.ConsoleSettings;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kaf-mirror console}: opens the operations console on the same configuration and data folder as the
 * other commands. This class does not extend {@code Application}, so JavaFX starts from the plain class path.
 */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Open the operations console (needs a display; on a server use run, jobs, restore and store).")
public final class ConsoleCommand implements Callable<Integer> {

    private static final String HEADLESS_HINT = "Without a display, use the headless commands: kaf-mirror run, jobs,"
            + " restore, store (kaf-mirror --help).";

    @Mixin
    ConfigOptions config;

    @Mixin
    DataOptions data;

    // The installers' training run (docs/installers.md): which classes a start-up loads, for the class-data-sharing archive.
    @Option(names = "--exit-when-shown", hidden = true)
    boolean exitWhenShown;

    @Override
    public Integer call() {
        Optional<String> noDisplay = missingDisplay(System.getenv(), System.getProperty("os.name", ""));
        if (noDisplay.isPresent()) {
            throw new IllegalStateException(noDisplay.get());
        }
        if (config.passphraseFile != null) {
            // The console's screens read the file with the environment's passphrase; an option they ignore would mislead.
            throw new IllegalArgumentException("The console takes the passphrase of encrypted secrets from the environment:"
                    + " start it with KAF_MIRROR_PASSPHRASE_FILE=" + config.passphraseFile + " instead of --passphrase-file");
        }
        // The training run starts on a fresh folder and must reach the main window: no dialog in its way.
        launch(new ConsoleSettings(config.file(), data.folder(), null, null, exitWhenShown, !exitWhenShown), List.of());
        return 0;
    }

    /** Opens the console until its window closes; what stops JavaFX from starting is thrown in plain words. */
    public static void launch(ConsoleSettings settings, List<ConsoleAction> actions) {
        try {
            ConsoleApplication.launch(settings, actions);
        } catch (RuntimeException e) {
            throw startFailure(e);
        }
    }

    /** What stopped JavaFX from starting, in plain words with what to do. */
    static IllegalStateException startFailure(RuntimeException e) {
        // JavaFX wraps what stopped it (GTK unable to open DISPLAY, a missing native library): its root says why.
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String gtk = String.valueOf(root.getMessage()).contains("GTK")
                ? " The console draws its window with GTK 3: install it (Debian and Ubuntu: apt install libgtk-3-0;"
                + " Fedora and RHEL: dnf install gtk3)." : "";
        return new IllegalStateException("The console could not start: " + root.getMessage() + "." + gtk + " "
                + HEADLESS_HINT, e);
    }

    /** Why the console cannot open a window here, or empty when it can try: on Linux and other X11/Wayland systems a display must be named. */
    public static Optional<String> missingDisplay(Map<String, String> environment, String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return Optional.empty();
        }
        if (isSet(environment.get("DISPLAY")) || isSet(environment.get("WAYLAND_DISPLAY"))) {
            return Optional.empty();
        }
        return Optional.of("The console needs a graphical display and there is none (DISPLAY and WAYLAND_DISPLAY are"
                + " not set). " + HEADLESS_HINT);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
