package io.kafmirror.ui;

import java.nio.file.Path;

/**
 * What a screen's controller may need from the console. A controller with a public constructor taking this
 * gets it; one with a no-argument constructor is built without it.
 *
 * @param configFile    the YAML configuration shared with the CLI
 * @param dataDir       the data folder (state database, catalogs) shared with the CLI
 * @param notifications where to report failures, as readable messages with details on demand
 * @param navigation    how to open another screen at a chosen place
 */
public record ConsoleContext(Path configFile, Path dataDir, Notifications notifications, Navigation navigation) {

    /** A context whose screens cannot open one another: a screen shown on its own. */
    public ConsoleContext(Path configFile, Path dataDir, Notifications notifications) {
        this(configFile, dataDir, notifications, Navigation.nowhere());
    }
}
