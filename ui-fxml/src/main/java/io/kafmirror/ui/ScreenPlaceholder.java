package io.kafmirror.ui;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Stands in for a screen whose view is not there yet: what it will be for and the issue it arrives with. */
final class ScreenPlaceholder extends VBox {

    ScreenPlaceholder(Screen screen, String note) {
        super(12);
        setAlignment(Pos.CENTER);
        getStyleClass().add("screen-placeholder");
        Label title = new Label(screen.title());
        title.getStyleClass().add(Styles.TITLE_2);
        Label purpose = new Label(screen.purpose());
        purpose.setWrapText(true);
        Label arrives = new Label(note);
        arrives.getStyleClass().add(Styles.TEXT_MUTED);
        arrives.setWrapText(true);
        getChildren().addAll(title, purpose, arrives);
    }

    /** The placeholder of a screen not built yet. */
    static ScreenPlaceholder comingWith(Screen screen) {
        return new ScreenPlaceholder(screen, "This screen arrives with issue #" + screen.issue() + ".");
    }

    /** What the window shows of its first screen until that screen is built, right after the window appears. */
    static ScreenPlaceholder opening(Screen screen) {
        return new ScreenPlaceholder(screen, "Opening…");
    }

    /** The placeholder of a screen whose view failed to load. */
    static ScreenPlaceholder broken(Screen screen) {
        return new ScreenPlaceholder(screen, "This screen could not be opened; the notification says why.");
    }
}
