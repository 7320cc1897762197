package io.kafmirror.bench;

import io.kafmirror.ui.ConsoleContext;
import io.kafmirror.ui.Notifications;
import io.kafmirror.ui.Theme;
import io.kafmirror.ui.restore.RestoreController;
import io.kafmirror.ui.restore.RestoreTimeline;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The console's real Restore screen in a window of its own, driven through its controls as an operator would: the
 * Restore button pressed, the restore point moved with Shift+arrow keys on the timeline. Use on the FX thread.
 */
final class RestoreScreen {

    private static final String FXML = "/io/kafmirror/ui/restore/RestoreView.fxml";

    private final Stage stage;
    private final Scene scene;
    private int moves;

    private RestoreScreen(Stage stage, Scene scene) {
        this.stage = stage;
        this.scene = scene;
    }

    /** Opens the screen over the console's {@code configFile} and {@code dataDir} in a 1200x760 window, Primer light. */
    static RestoreScreen open(Path configFile, Path dataDir) throws IOException {
        Application.setUserAgentStylesheet(Theme.LIGHT.userAgentStylesheet());
        Notifications notifications = new Notifications();
        ConsoleContext context = new ConsoleContext(configFile, dataDir, notifications);
        FXMLLoader loader = new FXMLLoader(RestoreController.class.getResource(FXML));
        // As the console's ScreenHost builds it: the constructor taking the context.
        loader.setControllerFactory(type -> new RestoreController(context));
        Parent view = loader.load();
        Stage stage = new Stage();
        Scene scene = new Scene(new StackPane(view, notifications.layer()), 1200, 760);
        stage.setScene(scene);
        stage.setTitle("kaf-mirror console bench");
        stage.show();
        return new RestoreScreen(stage, scene);
    }

    /** Whether the backup's timeline and the cut at its end are shown and Restore can be pressed. */
    boolean ready() {
        return timeline().timelineProperty().get() != null && !cutTable().getItems().isEmpty()
                && !node("#restoreButton", Button.class).isDisabled();
    }

    /** Selects the first partition's cut, so every plan also reads that partition's preview. */
    void selectFirstCut() {
        cutTable().getSelectionModel().select(0);
    }

    /** Whether the preview beside the cut table shows records. */
    boolean previewShown() {
        return !node("#previewTable", TableView.class).getItems().isEmpty();
    }

    /**
     * Types {@code maxRate} (MB/s; empty for no limit) into Max rate and presses Restore; the future completes on the FX
     * thread when the restore has ended and its outcome shows.
     */
    CompletableFuture<Void> restore(String maxRate) {
        node("#rateField", TextField.class).setText(maxRate);
        CompletableFuture<Void> ended = new CompletableFuture<>();
        node("#progressRow", Node.class).visibleProperty().addListener((o, before, running) -> {
            if (!running) {
                ended.complete(null);
            }
        });
        node("#restoreButton", Button.class).fire();
        return ended;
    }

    /**
     * Moves the restore point every {@code every} until the returned animation is stopped, a minute back, then forth: each
     * move plans a cut and reads a preview. A zero duration never moves it.
     */
    Animation movePoint(Duration every) {
        if (every.equals(Duration.ZERO)) {
            return new Timeline();
        }
        Timeline mover = new Timeline(new KeyFrame(every, e -> {
            KeyCode key = moves++ % 2 == 0 ? KeyCode.LEFT : KeyCode.RIGHT;
            timeline().fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", key, true, false, false, false));
        }));
        mover.setCycleCount(Animation.INDEFINITE);
        mover.play();
        return mover;
    }

    /** How often the restore point was moved. */
    int moves() {
        return moves;
    }

    /** The target topic the naming gives. */
    String targetTopic() {
        return node("#targetTopic", Label.class).getText();
    }

    /** How the last restore ended, with its verification, as the screen shows it. */
    String outcome() {
        return node("#outcome", Label.class).getText();
    }

    /** How many failure notifications the screen shows. */
    int notifications() {
        return scene.getRoot().lookupAll(".notification").size();
    }

    /** Leaves the screen, which closes its catalogs and state database in the background, and closes the window. */
    void close() {
        scene.setRoot(new StackPane());
        stage.close();
    }

    private RestoreTimeline timeline() {
        return node("#timeline", RestoreTimeline.class);
    }

    @SuppressWarnings("unchecked")
    private TableView<Object> cutTable() {
        return node("#cutTable", TableView.class);
    }

    private <T> T node(String id, Class<T> type) {
        return type.cast(scene.lookup(id));
    }
}
