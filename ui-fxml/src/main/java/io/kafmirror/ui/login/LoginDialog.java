package io.kafmirror.ui.login;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

/** Controller of {@code LoginDialog.fxml}: binds the fields to a {@link LoginViewModel}; Cancel runs what it is given. */
public final class LoginDialog {

    private final LoginViewModel model;
    private final Runnable cancel;

    @FXML
    private Label intro;
    @FXML
    private TextField user;
    @FXML
    private PasswordField password;
    @FXML
    private Button logIn;
    @FXML
    private Label message;

    /** A dialog over {@code model}; {@code cancel} quits the console. */
    public LoginDialog(LoginViewModel model, Runnable cancel) {
        this.model = model;
        this.cancel = cancel;
    }

    @FXML
    private void initialize() {
        intro.textProperty().bind(model.introProperty());
        user.textProperty().bindBidirectional(model.userProperty());
        password.textProperty().bindBidirectional(model.passwordProperty());
        logIn.disableProperty().bind(model.canLogInProperty().not());
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        user.disableProperty().bind(model.checkingProperty());
        password.disableProperty().bind(model.checkingProperty());
    }

    @FXML
    private void logIn() {
        model.logIn();
    }

    @FXML
    private void cancel() {
        cancel.run();
    }
}
