package io.kafmirror.ui;

import java.util.Objects;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxToolkit;

/**
 * A screen shown for a test as the console shows it: through {@link ScreenHost}, in a 1200x760 window. As a JUnit
 * extension it registers the toolkit's stage before a test class and, after each test, takes the screen off its scene as
 * the console does when it shows another screen, so the screen stops refreshing and closes its databases instead of
 * reading on behind the next tests; then it closes the stages.
 */
public final class ScreenStage implements BeforeAllCallback, AfterEachCallback {

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

    @Override
    public void beforeAll(ExtensionContext context) throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @Override
    public void afterEach(ExtensionContext context) throws TimeoutException {
        leaveScreens();
        FxToolkit.cleanupStages();
    }

    /** Takes every shown screen off its scene, as the console does when it shows another: the screens stop reading. */
    public static void leaveScreens() throws TimeoutException {
        FxToolkit.setupFixture(() -> Window.getWindows().stream().map(Window::getScene).filter(Objects::nonNull)
                .forEach(scene -> scene.setRoot(new StackPane())));
    }
}
