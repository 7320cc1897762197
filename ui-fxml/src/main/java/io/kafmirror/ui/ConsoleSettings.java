package io.kafmirror.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the console was started: the configuration file and data folder it shares with the CLI, and optionally
 * the screen to open on instead of the remembered one.
 *
 * @param configFile the YAML configuration (clusters, stores, jobs)
 * @param dataDir    the folder of the state database, catalogs and the console's memory
 * @param openOn     the screen to open on, or {@code null} for the one shown last
 * @param screenshots a folder to photograph every screen into before closing (see {@link ScreenshotTour}), or
 *                    {@code null} for a normal session
 * @param exitWhenShown close again once the window and its first screen are shown: the training run that records which classes the
 *                      start-up loads, for the installers' class-data-sharing archive (docs/installers.md)
 * @param offerFirstAdmin in a data folder without users, open on the dialog that creates its administrator, unless the
 *                        operator chose to go on without users there before: {@code kaf-mirror console} does; the demo,
 *                        screenshot tours and the training run do not, their folders staying unclaimed
 */
public record ConsoleSettings(Path configFile, Path dataDir, Screen openOn, Path screenshots, boolean exitWhenShown,
                              boolean offerFirstAdmin) {

    /** A session that never offers to create an administrator (a demo, or a test starting the console on its own). */
    public ConsoleSettings(Path configFile, Path dataDir, Screen openOn) {
        this(configFile, dataDir, openOn, null);
    }

    /** A session that photographs every screen into {@code screenshots} unless it is {@code null}. */
    public ConsoleSettings(Path configFile, Path dataDir, Screen openOn, Path screenshots) {
        this(configFile, dataDir, openOn, screenshots, false, false);
    }

    /** As JavaFX application parameters, because {@code Application.launch} takes only strings. */
    List<String> toArguments() {
        List<String> arguments = new ArrayList<>(List.of("--config=" + configFile, "--data=" + dataDir));
        if (openOn != null) {
            arguments.add("--screen=" + openOn.name().toLowerCase(Locale.ROOT));
        }
        if (screenshots != null) {
            arguments.add("--screenshots=" + screenshots);
        }
        if (exitWhenShown) {
            arguments.add("--exit-when-shown=true");
        }
        if (offerFirstAdmin) {
            arguments.add("--offer-first-admin=true");
        }
        return arguments;
    }

    /** Read back from {@link #toArguments()}. */
    static ConsoleSettings fromNamed(Map<String, String> named) {
        String screen = named.get("screen");
        String screenshots = named.get("screenshots");
        return new ConsoleSettings(Path.of(named.get("config")), Path.of(named.get("data")),
                screen == null ? null : Screen.valueOf(screen.toUpperCase(Locale.ROOT)),
                screenshots == null ? null : Path.of(screenshots), Boolean.parseBoolean(named.get("exit-when-shown")),
                Boolean.parseBoolean(named.get("offer-first-admin")));
    }
}
