package io.kafmirror.ui.audit;

import io.kafmirror.engine.state.AuditEntry;
import io.kafmirror.ui.ConsoleContext;
import io.kafmirror.ui.FxBackground;
import io.kafmirror.ui.RefreshWhileShown;
import io.kafmirror.ui.TableColumns;
import java.time.ZoneId;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The Audit log screen's controller: binds the table, details and Verify to an {@link AuditLogViewModel}, and reads the
 * log every few seconds while the screen is shown (the CLI and {@code kaf-mirror run} append on their own).
 */
public final class AuditLogController {

    /** How often the log is read again. */
    static final Duration REFRESH_EVERY = Duration.seconds(5);

    private static final PseudoClass BROKEN = PseudoClass.getPseudoClass("broken");

    @FXML private VBox root;
    @FXML private Button verifyButton;
    @FXML private Label verification;
    @FXML private TableView<AuditRow> entriesTable;
    @FXML private TableColumn<AuditRow, String> seqColumn;
    @FXML private TableColumn<AuditRow, String> timeColumn;
    @FXML private TableColumn<AuditRow, String> actorColumn;
    @FXML private TableColumn<AuditRow, String> actionColumn;
    @FXML private TableColumn<AuditRow, String> targetColumn;
    @FXML private TableColumn<AuditRow, String> outcomeColumn;
    @FXML private TableColumn<AuditRow, String> reasonColumn;
    @FXML private TextArea details;
    @FXML private Label listProblem;

    private final ConsoleContext context;
    private final FxBackground background = new FxBackground();
    private final AuditLogState state;
    private final AuditLogViewModel model;
    private final RefreshWhileShown<List<AuditEntry>> updates;

    /** The controller of the Audit log screen over the console's data folder and configuration. */
    public AuditLogController(ConsoleContext context) {
        this.context = context;
        this.state = new AuditLogState(context.dataDir(), context.configFile());
        this.model = new AuditLogViewModel(state, background, context.notifications()::error, ZoneId.systemDefault());
        this.updates = new RefreshWhileShown<>(background, REFRESH_EVERY, model::reading, model::show, model::unavailable);
    }

    @FXML
    private void initialize() {
        TableColumns.text(seqColumn, r -> String.valueOf(r.entry().seq()));
        TableColumns.text(timeColumn, AuditRow::timeText);
        TableColumns.text(actorColumn, r -> r.entry().actor());
        TableColumns.text(actionColumn, r -> r.entry().action());
        TableColumns.text(targetColumn, r -> r.entry().target());
        TableColumns.text(outcomeColumn, AuditRow::outcomeText);
        TableColumns.text(reasonColumn, r -> r.entry().reason() == null ? "" : r.entry().reason());
        entriesTable.setItems(model.entries());
        entriesTable.getSelectionModel().selectedItemProperty().addListener((o, before, after) -> model.selectedProperty().set(after));
        model.selectedProperty().addListener((o, before, after) -> entriesTable.getSelectionModel().select(after));
        details.textProperty().bind(model.details());
        verifyButton.disableProperty().bind(model.verifyingProperty());
        verification.textProperty().bind(model.verificationProperty());
        model.brokenProperty().addListener((o, before, after) -> verification.pseudoClassStateChanged(BROKEN, after));
        listProblem.textProperty().bind(model.problemProperty());
        listProblem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        listProblem.managedProperty().bind(listProblem.visibleProperty());
        updates.attach(root, background, state, () -> { }, context.notifications()::error);
    }

    @FXML
    private void verify() {
        model.verify();
    }
}
