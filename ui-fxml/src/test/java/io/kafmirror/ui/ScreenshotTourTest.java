package io.kafmirror.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The README's screenshots: every screen in both themes, as PNGs of the window, then the tour ends. */
@ExtendWith(ApplicationExtension.class)
class ScreenshotTourTest {

    @TempDir
    Path folder;

    private MainViewModel model;
    private Scene scene;

    @Start
    void start(Stage stage) {
        model = new MainViewModel();
        Label shown = new Label();
        // Stands in for the content area: shows which screen and theme the tour asked for.
        shown.textProperty().bind(model.screenProperty().asString().concat(" ").concat(model.themeProperty().asString()));
        scene = new Scene(new StackPane(shown), 640, 400);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void photographsEveryScreenInBothThemesThenEnds() throws Exception {
        List<String> seen = new ArrayList<>();
        model.screenProperty().addListener((o, was, now) -> seen.add(now + " " + model.themeProperty().get()));
        CountDownLatch done = new CountDownLatch(1);

        Platform.runLater(() -> new ScreenshotTour(scene, model, folder.resolve("shots"), Duration.millis(20),
                done::countDown).start());

        assertThat(done.await(30, TimeUnit.SECONDS)).as("the tour ended").isTrue();
        for (Theme theme : Theme.values()) {
            for (Screen screen : Screen.values()) {
                Path file = folder.resolve("shots").resolve(screen.name().toLowerCase(Locale.ROOT) + "-"
                        + theme.name().toLowerCase(Locale.ROOT) + ".png");
                assertThat(file).exists();
                BufferedImage image = image(file);
                // The whole window: a stage another test left larger resizes the scene to itself.
                assertThat(image.getWidth()).as(file.toString()).isEqualTo((int) Math.ceil(scene.getWidth()));
                assertThat(image.getHeight()).as(file.toString()).isEqualTo((int) Math.ceil(scene.getHeight()));
            }
        }
        try (var files = Files.list(folder.resolve("shots"))) {
            assertThat(files.count()).isEqualTo(2L * Screen.values().length);
        }
        assertThat(seen).contains(Screen.values()[Screen.values().length - 1] + " " + Theme.DARK);
    }

    private static BufferedImage image(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as("a readable PNG: " + file).isNotNull();
        return image;
    }
}
