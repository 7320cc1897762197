package io.kafmirror.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.Notification;
import java.net.ConnectException;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A failure shown over a screen: readable message first, causes only when asked, never a stack trace. */
@ExtendWith(ApplicationExtension.class)
class NotificationsTest {

    final Notifications notifications = new Notifications();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(new Label("a screen"), notifications.layer()), 900, 600));
        stage.show();
    }

    @Test
    void showsTheMessageAndTheDetailsOnlyWhenAsked(FxRobot robot) {
        robot.interact(() -> notifications.error(new IllegalStateException(
                "Cannot reach store 'vault' at https://s3.internal: check the endpoint and the network",
                new ConnectException("Connection refused"))));
        Notification notification = robot.lookup(".notification").queryAs(Notification.class);
        assertThat(notification.getMessage())
                .isEqualTo("Cannot reach store 'vault' at https://s3.internal: check the endpoint and the network");

        robot.clickOn("Details");
        assertThat(notification.getMessage()).contains("caused by ConnectException: Connection refused").doesNotContain("\tat ");

        robot.clickOn("Hide details");
        assertThat(notification.getMessage()).doesNotContain("Connection refused");
    }

    @Test
    void aFloodOfFailuresDoesNotCoverTheScreen(FxRobot robot) {
        robot.interact(() -> {
            for (int i = 0; i < 10; i++) {
                notifications.show(new Problem("failure " + i, ""));
            }
        });
        assertThat(robot.lookup(".notification").queryAllAs(Notification.class)).extracting(Notification::getMessage)
                .containsExactly("failure 6", "failure 7", "failure 8", "failure 9");
    }
}
