package io.kafmirror.ui;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.util.EnumMap;
import java.util.Map;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/**
 * The content area: shows a screen's view, loading its FXML on first visit and keeping it, so a screen keeps
 * what the operator typed when they look elsewhere. Controllers are built by {@link #controller(Class)}.
 */
public final class ScreenHost {

    private final StackPane area = new StackPane();
    private final Map<Screen, Node> views = new EnumMap<>(Screen.class);
    private final ConsoleContext context;
    private boolean held;
    private Screen waiting;

    /** A host whose screens' controllers may take {@code context}. */
    public ScreenHost(ConsoleContext context) {
        this.context = context;
        area.getStyleClass().add("screen-area");
    }

    /**
     * A host that shows only a placeholder of the screen asked for until {@link #open()}: the console's window then
     * appears before its first screen is built, which costs more than the rest of the window (issue #8).
     */
    public static ScreenHost held(ConsoleContext context) {
        ScreenHost host = new ScreenHost(context);
        host.held = true;
        return host;
    }

    /** The node the screens are shown in. */
    public Node area() {
        return area;
    }

    /** Shows {@code screen}: its view, or a placeholder while held, when its FXML is not there yet or when it fails to load. */
    public void show(Screen screen) {
        if (held) {
            waiting = screen;
            area.getChildren().setAll(ScreenPlaceholder.opening(screen));
            return;
        }
        Node view = views.get(screen);
        if (view == null) {
            view = load(screen);
        }
        area.getChildren().setAll(view);
    }

    /** Builds and shows the screen asked for while held; from now on every screen is shown as it is asked for. */
    public void open() {
        held = false;
        if (waiting != null) {
            show(waiting);
            waiting = null;
        }
    }

    /** Takes the shown screen out of the window, so it lets go of what it holds (the state database) as when another is shown. */
    public void leave() {
        area.getChildren().clear();
    }

    private Node load(Screen screen) {
        URL fxml = Screen.class.getResource(screen.fxml());
        if (fxml == null) {
            return views.computeIfAbsent(screen, ScreenPlaceholder::comingWith);
        }
        FXMLLoader loader = new FXMLLoader(fxml);
        loader.setControllerFactory(this::controller);
        try {
            Node view = loader.load();
            views.put(screen, view);
            return view;
        } catch (IOException | RuntimeException e) {
            // Not cached: the next visit tries again.
            context.notifications().error(new IllegalStateException("The " + screen.title() + " screen could not be opened: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e));
            return ScreenPlaceholder.broken(screen);
        }
    }

    /** A screen's controller: through its constructor taking a {@link ConsoleContext} if it has one, else the no-argument one. */
    Object controller(Class<?> type) {
        try {
            try {
                Constructor<?> withContext = type.getConstructor(ConsoleContext.class);
                return withContext.newInstance(context);
            } catch (NoSuchMethodException e) {
                return type.getConstructor().newInstance();
            }
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("The controller " + type.getSimpleName() + " failed to start: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The controller " + type.getSimpleName() + " needs a public constructor taking"
                    + " a ConsoleContext, or none", e);
        }
    }
}
