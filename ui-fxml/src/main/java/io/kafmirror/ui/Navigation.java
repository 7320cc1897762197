package io.kafmirror.ui;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Lets a screen open another at a chosen place: the Alerts screen opens the Restore screen at the millisecond before
 * an alert. The place is kept until asked again, so a screen opened for the first time by the request still finds it.
 * Use on the FX thread.
 */
public final class Navigation {

    private final Consumer<Screen> show;
    private final ReadOnlyObjectWrapper<RestoreAt> restoreAt = new ReadOnlyObjectWrapper<>();

    /** Navigation that shows screens with {@code show}. */
    public Navigation(Consumer<Screen> show) {
        this.show = show;
    }

    /** Navigation that goes nowhere, for a screen shown on its own (tests, benchmarks). */
    public static Navigation nowhere() {
        return new Navigation(screen -> { });
    }

    /** Shows the Restore screen at {@code at}. */
    public void restoreAt(RestoreAt at) {
        // Through null, so asking twice for the same point is announced twice.
        restoreAt.set(null);
        restoreAt.set(at);
        show.accept(Screen.RESTORE);
    }

    /** The place the Restore screen was last asked to open at; null until it is. */
    public ReadOnlyObjectProperty<RestoreAt> restoreAtProperty() {
        return restoreAt.getReadOnlyProperty();
    }
}
