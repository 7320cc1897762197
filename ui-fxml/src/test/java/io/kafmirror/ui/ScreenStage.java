package io.kafmirror.ui;

import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.testfx.api.FxToolkit;

/** A screen shown for a test as the console shows it: through {@link ScreenHost}, in a 1200x760 window. */
public final class ScreenStage {

    private ScreenStage() {
    }

    /** Shows {@code screen} with {@code context}, its notifications laid over it; fails if the screen did not load. */
    public static void show(Screen screen, ConsoleContext context) throws TimeoutException {
        FxToolkit.setupStage(stage -> {
            ScreenHost host = new ScreenHost(context);
            host.show(screen);
            Node view = ((Parent) host.area()).getChildrenUnmodifiable().get(0);
            if (view.getStyleClass().contains("screen-placeholder")) {
                throw new AssertionError("The " + screen.title() + " screen did not load; the console shows a placeholder");
            }
            stage.setScene(new Scene(new StackPane(host.area(), context.notifications().layer()), 1200, 760));
            stage.show();
        });
    }
}
