package io.kafmirror.ui.login;

import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

/** Controller of {@code CreateAdminDialog.fxml}: binds the fields and their problems to a {@link CreateAdminViewModel}. */
public final class CreateAdminDialog {

    private final CreateAdminViewModel model;

    @FXML
    private TextField name;
    @FXML
    private PasswordField password;
    @FXML
    private PasswordField repeated;
    @FXML
    private Label nameProblem;
    @FXML
    private Label passwordProblem;
    @FXML
    private Label repeatedProblem;
    @FXML
    private Label message;
    @FXML
    private Button create;
    @FXML
    private Button skip;

    /** A dialog over {@code model}. */
    public CreateAdminDialog(CreateAdminViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        name.textProperty().bindBidirectional(model.nameProperty());
        password.textProperty().bindBidirectional(model.passwordProperty());
        repeated.textProperty().bindBidirectional(model.repeatedProperty());
        show(nameProblem, model.nameProblemProperty());
        show(passwordProblem, model.passwordProblemProperty());
        show(repeatedProblem, model.repeatedProblemProperty());
        show(message, model.messageProperty());
        create.disableProperty().bind(model.canCreateProperty().not());
        skip.disableProperty().bind(model.workingProperty());
        name.disableProperty().bind(model.workingProperty());
        password.disableProperty().bind(model.workingProperty());
        repeated.disableProperty().bind(model.workingProperty());
    }

    private static void show(Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    @FXML
    private void create() {
        model.create();
    }

    @FXML
    private void skip() {
        model.continueWithoutUsers();
    }
}
