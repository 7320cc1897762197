package io.kafmirror.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Photographs every screen in both themes into a folder ({@code <screen>-<theme>.png}), then closes the console:
 * the README's screenshots, taken from the real console on real data. Each screen gets time to load what it shows.
 */
final class ScreenshotTour {

    private static final Logger LOG = LoggerFactory.getLogger(ScreenshotTour.class);
    /** Long enough for a screen's first background load (H2, the cluster, the catalog) to arrive. */
    static final Duration SETTLE = Duration.seconds(4);

    private final Scene scene;
    private final MainViewModel model;
    private final Path folder;
    private final Runnable done;
    private final Duration settle;
    private final List<Runnable> steps = new ArrayList<>();

    /**
     * A tour of {@code scene}'s console, writing into {@code folder}, giving each screen {@code settle} before its
     * photograph and calling {@code done} at the end.
     */
    ScreenshotTour(Scene scene, MainViewModel model, Path folder, Duration settle, Runnable done) {
        this.scene = scene;
        this.model = model;
        this.folder = folder;
        this.settle = settle;
        this.done = done;
        for (Theme theme : Theme.values()) {
            for (Screen screen : Screen.values()) {
                steps.add(() -> {
                    model.themeProperty().set(theme);
                    model.navigate(screen);
                });
                steps.add(() -> write(screen, theme));
            }
        }
    }

    /** Starts the tour on the FX thread; it moves on by itself, a step per pause, so the window stays live. */
    void start() {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the screenshot folder " + folder + ": " + e.getMessage(), e);
        }
        next(0);
    }

    private void next(int step) {
        if (step == steps.size()) {
            LOG.info("Screenshots of {} screens in {} themes written to {}", Screen.values().length, Theme.values().length,
                    folder);
            done.run();
            return;
        }
        steps.get(step).run();
        PauseTransition pause = new PauseTransition(step % 2 == 0 ? settle : Duration.millis(1));
        pause.setOnFinished(e -> next(step + 1));
        pause.play();
    }

    private void write(Screen screen, Theme theme) {
        WritableImage image = scene.snapshot(null);
        Path file = folder.resolve(screen.name().toLowerCase(Locale.ROOT) + "-" + theme.name().toLowerCase(Locale.ROOT)
                + ".png");
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the screenshot " + file + ": " + e.getMessage(), e);
        }
    }
}
