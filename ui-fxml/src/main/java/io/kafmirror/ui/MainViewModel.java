package io.kafmirror.ui;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Rectangle2D;

/** The main window's state: which screen is shown, the theme, and where the window is. Plain Java, no stage needed. */
public final class MainViewModel {

    private final ReadOnlyObjectWrapper<Screen> screen = new ReadOnlyObjectWrapper<>(this, "screen", Screen.CLUSTERS);
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final ReadOnlyObjectWrapper<WindowGeometry> geometry = new ReadOnlyObjectWrapper<>(this, "geometry",
            new WindowGeometry(0, 0, WindowGeometry.MIN_WIDTH, WindowGeometry.MIN_HEIGHT, false));

    /** The screen shown. */
    public ReadOnlyObjectProperty<Screen> screenProperty() {
        return screen.getReadOnlyProperty();
    }

    /** The theme in use. */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Where the window is; its bounds are those it has when not maximized. */
    public ReadOnlyObjectProperty<WindowGeometry> geometryProperty() {
        return geometry.getReadOnlyProperty();
    }

    /** Shows {@code target}. */
    public void navigate(Screen target) {
        screen.set(target);
    }

    /** Switches between light and dark. */
    public void toggleTheme() {
        theme.set(theme.get().other());
    }

    /** The window was moved or resized while not maximized. */
    public void windowMoved(double x, double y, double width, double height) {
        geometry.set(geometry.get().withBounds(x, y, width, height));
    }

    /** The window was maximized or restored; the bounds to restore to stay as they were. */
    public void windowMaximized(boolean maximized) {
        geometry.set(geometry.get().withMaximized(maximized));
    }

    /**
     * Takes up what was remembered, with the window moved onto one of {@code screens} (visual bounds, primary
     * first) in case the screen it was on is gone.
     */
    public void restore(RememberedWindow remembered, List<Rectangle2D> screens) {
        screen.set(remembered.screen());
        theme.set(remembered.theme());
        geometry.set(remembered.geometry().clampTo(screens));
    }

    /** What to remember of this window. */
    public RememberedWindow remembered() {
        return new RememberedWindow(screen.get(), theme.get(), geometry.get());
    }
}
