package io.kafmirror.ui;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failures shown as readable notifications over the content, newest last, each with its details (the causes)
 * behind a "Details" button. Stack traces go to the log only. Use on the FX thread.
 */
public final class Notifications {

    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);
    /** More than this and the oldest goes: a flood of the same failure must not cover the screen. */
    private static final int MAX_SHOWN = 4;
    private static final double WIDTH = 440;

    private final VBox layer = new VBox(8);

    /** An empty layer. */
    public Notifications() {
        layer.setAlignment(Pos.TOP_RIGHT);
        layer.setPadding(new Insets(12));
        // The layer lies over the screen: let clicks beside the notifications through.
        layer.setPickOnBounds(false);
        layer.getStyleClass().add("notifications");
    }

    /** The node to lay over the content. */
    public Node layer() {
        return layer;
    }

    /** Logs {@code failure} with its stack trace and shows it as a notification. */
    public void error(Throwable failure) {
        LOG.error("Console error", failure);
        show(Problem.of(failure));
    }

    /** Shows {@code message}, news rather than a failure, until closed. */
    public void info(String message) {
        Notification notification = new Notification(message);
        notification.getStyleClass().addAll(Styles.ACCENT, Styles.ELEVATED_1);
        add(notification);
    }

    /** Shows {@code problem}: its message, and its details once "Details" is pressed. */
    public void show(Problem problem) {
        Notification notification = new Notification(problem.message());
        notification.getStyleClass().addAll(Styles.DANGER, Styles.ELEVATED_1);
        Button details = new Button("Details");
        details.setOnAction(e -> {
            boolean showing = notification.getMessage().length() > problem.message().length();
            notification.setMessage(showing ? problem.message() : problem.message() + "\n\n" + problem.details());
            details.setText(showing ? "Details" : "Hide details");
        });
        notification.setPrimaryActions(details);
        add(notification);
    }

    private void add(Notification notification) {
        notification.setPrefWidth(WIDTH);
        notification.setMaxWidth(WIDTH);
        notification.setMaxHeight(Region.USE_PREF_SIZE);
        notification.setOnClose(e -> layer.getChildren().remove(notification));
        if (layer.getChildren().size() >= MAX_SHOWN) {
            layer.getChildren().remove(0);
        }
        layer.getChildren().add(notification);
    }
}
