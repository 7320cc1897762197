package io.kafmirror.ui.jobs;

import io.kafmirror.ui.ConsoleContext;
import io.kafmirror.ui.FxBackground;
import io.kafmirror.ui.RefreshWhileShown;
import io.kafmirror.ui.TableColumns;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.Duration;

/**
 * The Jobs screen's controller: binds the job list to a {@link JobsViewModel} and the form to a {@link JobForm}, and
 * reads the list every few seconds while the screen is shown (an engine updates lag and throughput on its own).
 */
public final class JobsController {

    /** How often the list is read again; the engine samples every 10 s, the operator's own changes show at once. */
    static final Duration REFRESH_EVERY = Duration.seconds(3);

    @FXML private SplitPane root;
    @FXML private Button editButton;
    @FXML private Button startButton;
    @FXML private Button pauseButton;
    @FXML private Button resumeButton;
    @FXML private Button removeButton;
    @FXML private TableView<JobRow> jobsTable;
    @FXML private TableColumn<JobRow, String> nameColumn;
    @FXML private TableColumn<JobRow, String> routeColumn;
    @FXML private TableColumn<JobRow, String> stateColumn;
    @FXML private TableColumn<JobRow, String> lagRecordsColumn;
    @FXML private TableColumn<JobRow, String> lagSecondsColumn;
    @FXML private TableColumn<JobRow, String> recordsColumn;
    @FXML private TableColumn<JobRow, String> mibColumn;
    @FXML private TableColumn<JobRow, String> errorColumn;
    @FXML private Label listProblem;
    @FXML private JobFormController jobFormController;

    private final ConsoleContext context;
    private final FxBackground background = new FxBackground();
    private final JobsState state;
    private final JobsViewModel jobs;
    private final JobForm form;
    private final RefreshWhileShown<List<JobRow>> updates;

    /** The controller of the Jobs screen over the console's configuration file and data folder. */
    public JobsController(ConsoleContext context) {
        this.context = context;
        this.state = new JobsState(context.dataDir());
        this.jobs = new JobsViewModel(state, background, context.notifications()::error);
        this.form = new JobForm(context.configFile(), state, background, context.notifications()::error);
        this.updates = new RefreshWhileShown<>(background, REFRESH_EVERY, () -> state::rows, jobs::show, jobs::unavailable);
    }

    @FXML
    private void initialize() {
        TableColumns.text(nameColumn, JobRow::name);
        TableColumns.text(routeColumn, JobRow::route);
        TableColumns.text(stateColumn, JobRow::stateText);
        TableColumns.text(lagRecordsColumn, JobRow::lagRecordsText);
        TableColumns.text(lagSecondsColumn, JobRow::lagSecondsText);
        TableColumns.text(recordsColumn, JobRow::recordsPerSecondText);
        TableColumns.text(mibColumn, JobRow::mibPerSecondText);
        TableColumns.text(errorColumn, JobRow::lastErrorText);
        jobsTable.setItems(jobs.jobs());
        jobsTable.getSelectionModel().selectedItemProperty().addListener((o, before, after) -> jobs.selectedProperty().set(after));
        jobs.selectedProperty().addListener((o, before, after) -> jobsTable.getSelectionModel().select(after));
        editButton.disableProperty().bind(jobs.canRemove().not());
        startButton.disableProperty().bind(jobs.canStart().not());
        pauseButton.disableProperty().bind(jobs.canPause().not());
        resumeButton.disableProperty().bind(jobs.canResume().not());
        removeButton.disableProperty().bind(jobs.canRemove().not());
        listProblem.textProperty().bind(jobs.problemProperty());
        listProblem.visibleProperty().bind(jobs.problemProperty().isNotEmpty());
        listProblem.managedProperty().bind(listProblem.visibleProperty());
        jobFormController.bind(form, jobs::refresh);
        updates.attach(root, background, state, form::loadConfig, context.notifications()::error);
    }

    @FXML
    private void newJob() {
        form.newJob();
    }

    @FXML
    private void edit() {
        JobRow selected = jobs.selectedProperty().get();
        if (selected != null) {
            form.edit(selected.job());
        }
    }

    @FXML
    private void start() {
        jobs.start();
    }

    @FXML
    private void pause() {
        jobs.pause();
    }

    @FXML
    private void resume() {
        jobs.resume();
    }

    @FXML
    private void remove() {
        JobRow job = jobs.selectedProperty().get();
        if (job == null) {
            return;
        }
        // One click would otherwise stop a backup for good; what is already stored is kept either way.
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Job " + job.name() + " stops being backed up and"
                + " leaves the job list. Its stored segments and its history are kept.", ButtonType.CANCEL, ButtonType.OK);
        confirm.setHeaderText("Remove job " + job.name() + "?");
        confirm.initOwner(root.getScene().getWindow());
        if (confirm.showAndWait().filter(ButtonType.OK::equals).isPresent()) {
            jobs.remove();
        }
    }
}
