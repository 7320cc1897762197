package io.kafmirror.ui.restore;

import io.kafmirror.ui.ConsoleContext;
import io.kafmirror.ui.FxBackground;
import io.kafmirror.ui.TableColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.time.Clock;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The Restore screen's controller: binds the store, topic and generation pickers, the timeline, the restore point's
 * field and the cut table to a {@link RestoreViewModel}, and plans the cut once the point has rested for {@link #SETTLE};
 * binds the target, dry run and restore to a {@link RestoreRunModel}, reading a running restore's progress every
 * {@link #PROGRESS}; binds the History tab to a {@link RestoreHistoryModel}, its Resume to the run model.
 */
public final class RestoreController {

    /** How long the point must rest before the cut is planned: dragging asks for one plan, not one per pixel. */
    static final Duration SETTLE = Duration.millis(150);
    /** How often a running restore's progress is read: smooth enough for a bar, far from every acknowledgement. */
    static final Duration PROGRESS = Duration.millis(250);

    @FXML private VBox root;
    @FXML private ChoiceBox<String> storeChoice;
    @FXML private ComboBox<BackedUpTopic> topicChoice;
    @FXML private MenuButton alsoButton;
    @FXML private HBox generationRow;
    @FXML private ChoiceBox<TopicGeneration> generationChoice;
    @FXML private RestoreTimeline timeline;
    @FXML private TextField pointField;
    @FXML private Label pointProblem;
    @FXML private TextField partitionsField;
    @FXML private TextField windowStartField;
    @FXML private Label scopeProblem;
    @FXML private ComboBox<TimelineEvent> eventChoice;
    @FXML private Button jumpButton;
    @FXML private TableView<CutRow> cutTable;
    @FXML private TableColumn<CutRow, String> partitionColumn;
    @FXML private TableColumn<CutRow, String> firstColumn;
    @FXML private TableColumn<CutRow, String> cutColumn;
    @FXML private TableColumn<CutRow, String> recordsColumn;
    @FXML private TableColumn<CutRow, String> bytesColumn;
    @FXML private Label planNotes;
    @FXML private TableView<PreviewRecord> previewTable;
    @FXML private TableColumn<PreviewRecord, String> sideColumn;
    @FXML private TableColumn<PreviewRecord, String> offsetColumn;
    @FXML private TableColumn<PreviewRecord, String> timestampColumn;
    @FXML private TableColumn<PreviewRecord, String> keyColumn;
    @FXML private TableColumn<PreviewRecord, String> valueColumn;
    @FXML private ChoiceBox<String> clusterChoice;
    @FXML private ChoiceBox<TopicNaming> namingChoice;
    @FXML private TextField namingField;
    @FXML private Label targetTopic;
    @FXML private CheckBox appendBox;
    @FXML private Button dryRunButton;
    @FXML private Button restoreButton;
    @FXML private Button cancelButton;
    @FXML private Label namingProblem;
    @FXML private TextField replicationField;
    @FXML private TextField topicConfigsField;
    @FXML private TextField groupsField;
    @FXML private TextField rateField;
    @FXML private CheckBox verifyBox;
    @FXML private Label optionsProblem;
    @FXML private HBox progressRow;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressText;
    @FXML private Label outcome;
    @FXML private Tab historyTab;
    @FXML private Tab restoreTab;
    @FXML private Button resumeButton;
    @FXML private Button verifyAgainButton;
    @FXML private TableView<RestoreHistoryRow> historyTable;
    @FXML private TableColumn<RestoreHistoryRow, String> historyIdColumn;
    @FXML private TableColumn<RestoreHistoryRow, String> historyRouteColumn;
    @FXML private TableColumn<RestoreHistoryRow, String> historyPointColumn;
    @FXML private TableColumn<RestoreHistoryRow, String> historyStartedColumn;
    @FXML private TableColumn<RestoreHistoryRow, String> historyEndedColumn;
    @FXML private TableColumn<RestoreHistoryRow, String> historyStateColumn;
    @FXML private TableColumn<RestoreHistoryRow, String> historyRecordsColumn;
    @FXML private TableColumn<RestoreHistoryRow, String> historyVerificationColumn;
    @FXML private Label historyDetails;
    @FXML private HBox historyStatusRow;
    @FXML private ProgressIndicator verifyingIndicator;
    @FXML private Label historyStatus;

    private final ConsoleContext context;
    private final FxBackground background = new FxBackground();
    private final StoredBackups backups;
    private final RestoreViewModel model;
    private final RestoreRunModel run;
    private final RestoreHistoryModel history;
    private final PauseTransition settle = new PauseTransition(SETTLE);
    private final Timeline progress;

    /** The controller of the Restore screen over the console's configuration file and data folder. */
    public RestoreController(ConsoleContext context) {
        this.context = context;
        this.backups = new StoredBackups(context.configFile(), context.dataDir());
        this.model = new RestoreViewModel(backups, background, context.notifications()::error);
        // Its own threads: a restore running for minutes must not hold up the plans and previews of the screen.
        ClusterRestore restore = new ClusterRestore(context.configFile(), context.dataDir());
        FxBackground runs = new FxBackground();
        this.run = new RestoreRunModel(model.storeProperty(), model.topicProperty(), model.pointProperty(), model.scopeProperty(),
                model.generationProperty(), model.alsoRestored(), backups, restore, background, runs, context.notifications()::error, Clock.systemUTC());
        this.history = new RestoreHistoryModel(backups, restore, background, runs, context.notifications()::error,
                Clock.systemUTC());
        settle.setOnFinished(e -> model.planCut());
        progress = new Timeline(new KeyFrame(PROGRESS, e -> run.refreshProgress()));
        progress.setCycleCount(Animation.INDEFINITE);
    }

    @FXML
    private void initialize() {
        storeChoice.setItems(model.stores());
        storeChoice.valueProperty().bindBidirectional(model.storeProperty());
        topicChoice.setItems(model.topics());
        topicChoice.valueProperty().bindBidirectional(model.topicProperty());
        context.navigation().restoreAtProperty().addListener((o, before, after) -> {
            if (after != null) {
                model.open(after);
            }
        });
        if (context.navigation().restoreAtProperty().get() != null) {
            model.open(context.navigation().restoreAtProperty().get());
        }
        InvalidationListener others = o -> showOtherTopics();
        model.topics().addListener(others);
        model.topicProperty().addListener(others);
        model.alsoRestored().addListener(others);
        generationChoice.setItems(model.generations());
        generationChoice.valueProperty().bindBidirectional(model.generationProperty());
        // A topic never recreated has one generation: nothing to choose, nothing shown.
        generationRow.visibleProperty().bind(Bindings.size(model.generations()).greaterThan(1));
        generationRow.managedProperty().bind(generationRow.visibleProperty());
        // The picker shortens the topic ID; the whole one is what --generation takes.
        Tooltip generationId = new Tooltip();
        generationId.textProperty().bind(Bindings.createStringBinding(() -> model.generationProperty().get() == null ? ""
                : "Topic ID " + model.generationProperty().get().topicId() + ": kaf-mirror restore --generation "
                + model.generationProperty().get().topicId(), model.generationProperty()));
        generationChoice.setTooltip(generationId);
        timeline.timelineProperty().bind(model.timelineProperty());
        timeline.pointProperty().bind(model.pointProperty());
        timeline.setOnPick(model::pick);
        pointField.textProperty().bindBidirectional(model.pointTextProperty());
        showWhenAny(pointProblem, model.pointProblemProperty());
        partitionsField.textProperty().bindBidirectional(model.partitionsTextProperty());
        windowStartField.textProperty().bindBidirectional(model.windowStartTextProperty());
        showWhenAny(scopeProblem, model.scopeProblemProperty());
        model.timelineProperty().addListener((o, before, after) -> eventChoice.getItems()
                .setAll(after == null ? List.of() : after.events()));
        jumpButton.disableProperty().bind(eventChoice.valueProperty().isNull());
        TableColumns.text(partitionColumn, r -> String.valueOf(r.partition()));
        TableColumns.text(firstColumn, r -> number(r.firstOffset()));
        TableColumns.text(cutColumn, r -> number(r.cutOffset()));
        TableColumns.text(recordsColumn, r -> number(r.records()));
        TableColumns.text(bytesColumn, r -> number(r.bytes()));
        cutTable.setItems(model.cuts());
        cutTable.getSelectionModel().selectedItemProperty().addListener((o, before, after) -> model.selectCut(after));
        model.selectedCutProperty().addListener((o, before, after) -> {
            if (after == null) {
                cutTable.getSelectionModel().clearSelection();
            } else {
                cutTable.getSelectionModel().select(after);
            }
        });
        TableColumns.text(sideColumn, r -> r.restored() ? "restored" : "not restored");
        TableColumns.text(offsetColumn, r -> number(r.offset()));
        TableColumns.text(timestampColumn, PreviewRecord::timestampText);
        TableColumns.text(keyColumn, PreviewRecord::key);
        TableColumns.text(valueColumn, PreviewRecord::value);
        previewTable.setItems(model.preview());
        planNotes.textProperty().bind(model.planNotesProperty());
        planNotes.visibleProperty().bind(model.planNotesProperty().isNotEmpty());
        planNotes.managedProperty().bind(planNotes.visibleProperty());
        model.pointProperty().addListener((o, before, after) -> settle.playFromStart());
        bindRun();
        bindHistory();
        // Read while shown only: the catalogs and the state database are closed while another screen is.
        root.sceneProperty().addListener((o, before, after) -> {
            if (after != null) {
                model.load();
                run.load();
                history.load();
            } else {
                // A plan still waiting for the point to rest would open the catalogs again behind another screen.
                settle.stop();
                background.run(() -> {
                    backups.close();
                    return null;
                }, done -> { }, context.notifications()::error);
            }
        });
    }

    private void bindRun() {
        clusterChoice.setItems(run.clusters());
        clusterChoice.valueProperty().bindBidirectional(run.clusterProperty());
        namingChoice.getItems().setAll(TopicNaming.values());
        namingChoice.valueProperty().bindBidirectional(run.namingProperty());
        namingField.textProperty().bindBidirectional(run.namingTextProperty());
        namingField.disableProperty().bind(run.namingProperty().isEqualTo(TopicNaming.SAME));
        targetTopic.textProperty().bind(run.targetTopicProperty());
        // The row may cut a long target name short; the operator must still be able to read where records go.
        Tooltip wholeTarget = new Tooltip();
        wholeTarget.textProperty().bind(run.targetTopicProperty());
        targetTopic.setTooltip(wholeTarget);
        showWhenAny(namingProblem, run.namingProblemProperty());
        appendBox.selectedProperty().bindBidirectional(run.appendProperty());
        replicationField.textProperty().bindBidirectional(run.replicationFactorTextProperty());
        topicConfigsField.textProperty().bindBidirectional(run.topicConfigsTextProperty());
        groupsField.textProperty().bindBidirectional(run.groupsTextProperty());
        rateField.textProperty().bindBidirectional(run.maxRateTextProperty());
        verifyBox.selectedProperty().bindBidirectional(run.verifyProperty());
        showWhenAny(optionsProblem, run.optionsProblemProperty());
        dryRunButton.disableProperty().bind(run.readyProperty().not());
        restoreButton.disableProperty().bind(run.readyProperty().not());
        cancelButton.disableProperty().bind(run.runningProperty().not());
        progressBar.progressProperty().bind(run.progressProperty());
        progressText.textProperty().bind(run.progressTextProperty());
        progressRow.visibleProperty().bind(run.runningProperty());
        progressRow.managedProperty().bind(progressRow.visibleProperty());
        showWhenAny(outcome, run.outcomeProperty());
        run.runningProperty().addListener((o, before, after) -> {
            if (after) {
                progress.play();
            } else {
                progress.stop();
            }
        });
    }

    private void bindHistory() {
        TableColumns.text(historyIdColumn, RestoreHistoryRow::number);
        TableColumns.text(historyRouteColumn, RestoreHistoryRow::route);
        TableColumns.text(historyPointColumn, RestoreHistoryRow::point);
        TableColumns.text(historyStartedColumn, RestoreHistoryRow::started);
        TableColumns.text(historyEndedColumn, RestoreHistoryRow::ended);
        TableColumns.styledText(historyStateColumn, RestoreHistoryRow::state, RestoreHistoryRow::stateStyle);
        TableColumns.text(historyRecordsColumn, RestoreHistoryRow::records);
        TableColumns.styledText(historyVerificationColumn, RestoreHistoryRow::verification,
                RestoreHistoryRow::verificationStyle);
        historyTable.setItems(history.rows());
        historyTable.getSelectionModel().selectedItemProperty().addListener((o, before, after) -> {
            if (after != null) {
                history.selectedProperty().set(after);
            }
        });
        history.selectedProperty().addListener((o, before, after) -> {
            if (after == null) {
                historyTable.getSelectionModel().clearSelection();
            } else {
                historyTable.getSelectionModel().select(after);
            }
        });
        showWhenAny(historyDetails, history.detailsProperty());
        verifyAgainButton.disableProperty().bind(history.canVerifyProperty().not());
        resumeButton.disableProperty().bind(history.resumableProperty().not().or(run.runningProperty()));
        historyStatus.textProperty().bind(history.statusProperty());
        historyStatusRow.visibleProperty().bind(history.statusProperty().isNotEmpty());
        historyStatusRow.managedProperty().bind(historyStatusRow.visibleProperty());
        verifyingIndicator.visibleProperty().bind(history.verifyingProperty());
        verifyingIndicator.managedProperty().bind(verifyingIndicator.visibleProperty());
        // What the operator comes to the tab for is the latest: a restore just ended here, or one run from the CLI.
        historyTab.selectedProperty().addListener((o, before, after) -> {
            if (after) {
                history.load();
            }
        });
        run.runningProperty().addListener((o, before, after) -> {
            if (!after) {
                history.load();
            }
        });
    }

    /** One check item per topic of the store besides the shown one; checked ones are restored with it. */
    private void showOtherTopics() {
        List<CheckMenuItem> items = new ArrayList<>();
        for (BackedUpTopic other : model.topics()) {
            if (other.equals(model.topicProperty().get())) {
                continue;
            }
            CheckMenuItem item = new CheckMenuItem(other.toString());
            item.setSelected(model.alsoRestored().contains(other));
            item.selectedProperty().addListener((o, was, now) -> {
                if (now && !model.alsoRestored().contains(other)) {
                    model.alsoRestored().add(other);
                } else if (!now) {
                    model.alsoRestored().remove(other);
                }
            });
            items.add(item);
        }
        alsoButton.getItems().setAll(items);
        alsoButton.setDisable(items.isEmpty());
        int also = model.alsoRestored().size();
        alsoButton.setText(also == 0 ? "Also restore" : "Also restore (" + also + ")");
    }

    @FXML
    private void dryRun() {
        run.dryRun();
    }

    @FXML
    private void restore() {
        run.restore();
    }

    @FXML
    private void cancel() {
        run.cancel();
    }

    @FXML
    private void refreshHistory() {
        history.load();
    }

    /** Resumes the selected restore and shows the Restore tab, where its progress, Cancel and outcome are. */
    @FXML
    private void resume() {
        RestoreHistoryRow row = history.selectedProperty().get();
        if (row != null) {
            run.resume(row.record().id());
            restoreTab.getTabPane().getSelectionModel().select(restoreTab);
        }
    }

    @FXML
    private void verifyAgain() {
        history.verifyAgain();
    }

    @FXML
    private void jumpBefore() {
        TimelineEvent event = eventChoice.getValue();
        if (event != null) {
            model.jumpBefore(event);
        }
    }

    /** Shows {@code text} in {@code label}, which takes no room while it is empty. */
    private static void showWhenAny(Label label, ReadOnlyStringProperty text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(text.isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
