package io.kafmirror.ui.alerts;

import io.kafmirror.engine.state.Alert;
import io.kafmirror.ui.ConsoleContext;
import io.kafmirror.ui.FxBackground;
import io.kafmirror.ui.RefreshWhileShown;
import io.kafmirror.ui.TableColumns;
import java.time.Clock;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The Alerts screen's controller: binds the table, buttons and details to an {@link AlertsViewModel}, asks for the
 * comment of an acknowledgement, and reads the alerts every few seconds while the screen is shown (an engine raises
 * new ones on its own).
 */
public final class AlertsController {

    /** How often the list is read again; the operator's own changes show at once. */
    static final Duration REFRESH_EVERY = Duration.seconds(5);

    @FXML private VBox root;
    @FXML private CheckBox showAllBox;
    @FXML private Button acknowledgeButton;
    @FXML private MenuButton muteButton;
    @FXML private Button unmuteButton;
    @FXML private Button restoreButton;
    @FXML private TableView<AlertRow> alertsTable;
    @FXML private TableColumn<AlertRow, String> timeColumn;
    @FXML private TableColumn<AlertRow, String> severityColumn;
    @FXML private TableColumn<AlertRow, String> jobColumn;
    @FXML private TableColumn<AlertRow, String> topicColumn;
    @FXML private TableColumn<AlertRow, String> messageColumn;
    @FXML private TableColumn<AlertRow, String> stateColumn;
    @FXML private TextArea details;
    @FXML private Label listProblem;

    private final ConsoleContext context;
    private final FxBackground background = new FxBackground();
    private final AlertsState state;
    private final AlertsViewModel model;
    private final RefreshWhileShown<List<Alert>> updates;

    /** The controller of the Alerts screen over the console's data folder. */
    public AlertsController(ConsoleContext context) {
        this.context = context;
        this.state = new AlertsState(context.dataDir());
        this.model = new AlertsViewModel(state, background, context.notifications()::error, Clock.systemDefaultZone());
        this.updates = new RefreshWhileShown<>(background, REFRESH_EVERY, model::reading, model::show, model::unavailable);
    }

    @FXML
    private void initialize() {
        TableColumns.text(timeColumn, AlertRow::timeText);
        TableColumns.styledText(severityColumn, AlertRow::severityText, AlertRow::severityStyle);
        TableColumns.text(jobColumn, r -> r.alert().job());
        TableColumns.text(topicColumn, AlertRow::whereText);
        TableColumns.text(messageColumn, r -> r.alert().message());
        TableColumns.text(stateColumn, AlertRow::stateText);
        alertsTable.setItems(model.alerts());
        alertsTable.getSelectionModel().selectedItemProperty().addListener((o, before, after) -> model.selectedProperty().set(after));
        model.selectedProperty().addListener((o, before, after) -> alertsTable.getSelectionModel().select(after));
        showAllBox.selectedProperty().bindBidirectional(model.showAllProperty());
        acknowledgeButton.disableProperty().bind(model.canAcknowledge().not());
        muteButton.disableProperty().bind(model.canMute().not());
        unmuteButton.disableProperty().bind(model.canUnmute().not());
        restoreButton.disableProperty().bind(model.canRestoreBefore().not());
        details.textProperty().bind(model.details());
        listProblem.textProperty().bind(model.problemProperty());
        listProblem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        listProblem.managedProperty().bind(listProblem.visibleProperty());
        updates.attach(root, background, state, () -> { }, context.notifications()::error);
    }

    @FXML
    private void acknowledge() {
        AlertRow row = model.selectedProperty().get();
        if (row == null) {
            return;
        }
        TextInputDialog dialog = new TextInputDialog();
        dialog.setHeaderText("Acknowledge " + row.alert().type() + " of job " + row.alert().job() + "?");
        dialog.setContentText("Comment (optional):");
        dialog.initOwner(root.getScene().getWindow());
        dialog.showAndWait().ifPresent(model::acknowledge);
    }

    @FXML
    private void muteHour() {
        model.mute(java.time.Duration.ofHours(1));
    }

    @FXML
    private void muteDay() {
        model.mute(java.time.Duration.ofHours(24));
    }

    @FXML
    private void muteUntilUnmuted() {
        model.mute(null);
    }

    @FXML
    private void unmute() {
        model.unmute();
    }

    @FXML
    private void restoreBefore() {
        model.restoreBefore().ifPresent(context.navigation()::restoreAt);
    }
}
