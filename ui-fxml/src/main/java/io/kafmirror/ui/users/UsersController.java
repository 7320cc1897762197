package io.kafmirror.ui.users;

import io.kafmirror.engine.access.Role;
import io.kafmirror.ui.ConsoleContext;
import io.kafmirror.ui.FxBackground;
import io.kafmirror.ui.RefreshWhileShown;
import io.kafmirror.ui.TableColumns;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * The Users screen's controller: binds the users and tokens tables and their forms to a {@link UsersViewModel}, asks
 * before a user is removed or a token revoked, copies a new token's secret, and reads the lists every few seconds
 * while the screen is shown (the CLI changes them too). A new token's secret is forgotten when the screen is left.
 */
public final class UsersController {

    /** How often the lists are read again. */
    static final Duration REFRESH_EVERY = Duration.seconds(5);

    @FXML private VBox root;
    @FXML private Label notice;
    @FXML private Node content;
    @FXML private TableView<UserRow> usersTable;
    @FXML private TableColumn<UserRow, String> userNameColumn;
    @FXML private TableColumn<UserRow, String> userRoleColumn;
    @FXML private TableColumn<UserRow, String> userCreatedColumn;
    @FXML private TableColumn<UserRow, String> userCreatedByColumn;
    @FXML private TableColumn<UserRow, String> lastLoginColumn;
    @FXML private TableColumn<UserRow, String> removedColumn;
    @FXML private TextField newNameField;
    @FXML private ChoiceBox<Role> newRoleChoice;
    @FXML private PasswordField newPasswordField;
    @FXML private PasswordField newPasswordAgainField;
    @FXML private Button addUserButton;
    @FXML private ChoiceBox<Role> userRoleChoice;
    @FXML private Button changeRoleButton;
    @FXML private PasswordField resetPasswordField;
    @FXML private PasswordField resetPasswordAgainField;
    @FXML private Button resetPasswordButton;
    @FXML private Button removeUserButton;
    @FXML private TableView<TokenRow> tokensTable;
    @FXML private TableColumn<TokenRow, String> tokenNameColumn;
    @FXML private TableColumn<TokenRow, String> tokenRoleColumn;
    @FXML private TableColumn<TokenRow, String> tokenCreatedColumn;
    @FXML private TableColumn<TokenRow, String> tokenCreatedByColumn;
    @FXML private TableColumn<TokenRow, String> expiresColumn;
    @FXML private TableColumn<TokenRow, String> revokedColumn;
    @FXML private TextField tokenNameField;
    @FXML private ChoiceBox<Role> tokenRoleChoice;
    @FXML private TextField tokenValidityField;
    @FXML private Button createTokenButton;
    @FXML private Button revokeTokenButton;
    @FXML private Node secretPane;
    @FXML private Label issuedNote;
    @FXML private TextField secretField;
    @FXML private Label listProblem;

    private final ConsoleContext context;
    private final FxBackground background = new FxBackground();
    private final UsersState state;
    private final UsersViewModel model;
    private final RefreshWhileShown<UsersReading> updates;

    /** The controller of the Users screen over the console's data folder. */
    public UsersController(ConsoleContext context) {
        this.context = context;
        this.state = new UsersState(context.dataDir());
        this.model = new UsersViewModel(state, background, context.notifications()::error, ZoneId.systemDefault());
        this.updates = new RefreshWhileShown<>(background, REFRESH_EVERY, model::reading, model::show, model::unavailable);
    }

    @FXML
    private void initialize() {
        TableColumns.text(userNameColumn, r -> r.account().name());
        TableColumns.text(userRoleColumn, r -> r.account().role().label());
        TableColumns.text(userCreatedColumn, UserRow::createdText);
        TableColumns.text(userCreatedByColumn, r -> r.account().createdBy());
        TableColumns.text(lastLoginColumn, UserRow::lastLoginText);
        TableColumns.text(removedColumn, UserRow::removedText);
        TableColumns.text(tokenNameColumn, r -> r.token().name());
        TableColumns.text(tokenRoleColumn, r -> r.token().role().label());
        TableColumns.text(tokenCreatedColumn, TokenRow::createdText);
        TableColumns.text(tokenCreatedByColumn, r -> r.token().createdBy());
        TableColumns.text(expiresColumn, TokenRow::expiresText);
        TableColumns.text(revokedColumn, TokenRow::revokedText);
        usersTable.setItems(model.users());
        tokensTable.setItems(model.tokens());
        usersTable.getSelectionModel().selectedItemProperty().addListener((o, before, after) -> model.selectedUserProperty().set(after));
        model.selectedUserProperty().addListener((o, before, after) -> usersTable.getSelectionModel().select(after));
        tokensTable.getSelectionModel().selectedItemProperty().addListener((o, before, after) -> model.selectedTokenProperty().set(after));
        model.selectedTokenProperty().addListener((o, before, after) -> tokensTable.getSelectionModel().select(after));
        for (ChoiceBox<Role> roles : List.of(newRoleChoice, userRoleChoice, tokenRoleChoice)) {
            roles.getItems().setAll(Role.values());
            roles.setConverter(ROLE_LABELS);
        }
        newNameField.textProperty().bindBidirectional(model.newNameProperty());
        newRoleChoice.valueProperty().bindBidirectional(model.newRoleProperty());
        newPasswordField.textProperty().bindBidirectional(model.newPassword().passwordProperty());
        newPasswordAgainField.textProperty().bindBidirectional(model.newPassword().againProperty());
        userRoleChoice.valueProperty().bindBidirectional(model.userRoleProperty());
        resetPasswordField.textProperty().bindBidirectional(model.passwordReset().passwordProperty());
        resetPasswordAgainField.textProperty().bindBidirectional(model.passwordReset().againProperty());
        tokenNameField.textProperty().bindBidirectional(model.tokenNameProperty());
        tokenRoleChoice.valueProperty().bindBidirectional(model.tokenRoleProperty());
        tokenValidityField.textProperty().bindBidirectional(model.tokenValidityProperty());
        addUserButton.disableProperty().bind(model.canAdd().not());
        changeRoleButton.disableProperty().bind(model.canChangeRole().not());
        resetPasswordButton.disableProperty().bind(model.canResetPassword().not());
        removeUserButton.disableProperty().bind(model.canRemove().not());
        createTokenButton.disableProperty().bind(model.canCreateToken().not());
        revokeTokenButton.disableProperty().bind(model.canRevoke().not());
        userRoleChoice.disableProperty().bind(model.canRemove().not());
        secretField.textProperty().bind(model.issuedSecretProperty());
        issuedNote.textProperty().bind(model.issuedNoteProperty());
        showWhile(secretPane, model.issuedSecretProperty().isNotEmpty());
        notice.textProperty().bind(model.noticeProperty());
        showWhile(notice, model.noticeProperty().isNotEmpty());
        showWhile(content, model.listedProperty());
        listProblem.textProperty().bind(model.problemProperty());
        showWhile(listProblem, model.problemProperty().isNotEmpty());
        updates.attach(root, background, state, model::dismissSecret, context.notifications()::error);
    }

    @FXML
    private void addUser() {
        model.add();
    }

    @FXML
    private void changeRole() {
        model.changeRole();
    }

    @FXML
    private void resetPassword() {
        model.resetPassword();
    }

    @FXML
    private void removeUser() {
        UserRow row = model.selectedUserProperty().get();
        if (row != null && confirmed("Remove the user '" + row.account().name() + "'? They can no longer log in and their"
                + " sessions end; the name is not given again.")) {
            model.remove();
        }
    }

    @FXML
    private void createToken() {
        model.createToken();
    }

    @FXML
    private void revokeToken() {
        TokenRow row = model.selectedTokenProperty().get();
        if (row != null && confirmed("Revoke the token '" + row.token().name() + "'? Whatever uses it stops working at once.")) {
            model.revokeToken();
        }
    }

    @FXML
    private void copySecret() {
        ClipboardContent content = new ClipboardContent();
        content.putString(model.issuedSecretProperty().get());
        Clipboard.getSystemClipboard().setContent(content);
    }

    @FXML
    private void dismissSecret() {
        model.dismissSecret();
    }

    private boolean confirmed(String question) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
        confirm.setHeaderText(null);
        confirm.initOwner(root.getScene().getWindow());
        return confirm.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    private static void showWhile(Node node, ObservableBooleanValue shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(node.visibleProperty());
    }

    private static final StringConverter<Role> ROLE_LABELS = new StringConverter<>() {
        @Override
        public String toString(Role role) {
            return role == null ? "" : role.label();
        }

        @Override
        public Role fromString(String text) {
            return Role.parse(text);
        }
    };
}
