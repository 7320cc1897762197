package io.kafmirror.ui.dashboard;

import io.kafmirror.ui.ConsoleContext;
import io.kafmirror.ui.TableColumns;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.concurrent.ScheduledService;
import javafx.concurrent.Task;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;

/**
 * The Dashboard screen's controller: binds the pickers, chart, event list and partition table to a
 * {@link DashboardViewModel}, and reads the state database every few seconds while the screen is shown, off the FX
 * thread.
 */
public final class DashboardController {

    /** How often the job is read again: the engine samples every 10 s, so a new point shows within a few seconds. */
    static final Duration REFRESH_EVERY = Duration.seconds(3);

    @FXML private BorderPane root;
    @FXML private ComboBox<String> jobChoice;
    @FXML private ComboBox<String> topicChoice;
    @FXML private ComboBox<DashboardRange> rangeChoice;
    @FXML private Label problem;
    @FXML private Label lagLine;
    @FXML private StackPane chartPane;
    @FXML private Label emptyChart;
    @FXML private ListView<EventMarker> eventList;
    @FXML private TextArea eventDetails;
    @FXML private TableView<PartitionRow> partitionsTable;
    @FXML private TableColumn<PartitionRow, String> topicColumn;
    @FXML private TableColumn<PartitionRow, String> partitionColumn;
    @FXML private TableColumn<PartitionRow, String> sourceEndColumn;
    @FXML private TableColumn<PartitionRow, String> storedColumn;
    @FXML private TableColumn<PartitionRow, String> lagRecordsColumn;
    @FXML private TableColumn<PartitionRow, String> lagSecondsColumn;
    @FXML private TableColumn<PartitionRow, String> recordsColumn;
    @FXML private TableColumn<PartitionRow, String> latencyColumn;
    @FXML private TableColumn<PartitionRow, String> errorColumn;

    private final ConsoleContext context;
    private final DashboardState state;
    private final DashboardViewModel model;
    private final JobChart chart = new JobChart();
    /** One daemon thread: reads never overlap, and closing the database waits for the read in progress. */
    private final ExecutorService reads = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "console-dashboard");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledService<DashboardReading> updates;

    /** The controller of the Dashboard over the console's data folder. */
    public DashboardController(ConsoleContext context) {
        this.context = context;
        this.state = new DashboardState(context.dataDir());
        this.model = new DashboardViewModel(context.notifications()::error);
        this.updates = new ScheduledService<>() {
            @Override
            protected Task<DashboardReading> createTask() {
                // Picked on the FX thread, where the service creates its tasks; read on the service's daemon thread.
                String job = model.jobProperty().get();
                String topic = model.topicToRead();
                DashboardRange range = model.rangeProperty().get();
                return new Task<>() {
                    @Override
                    protected DashboardReading call() {
                        return state.read(job, topic, range, Instant.now());
                    }
                };
            }
        };
        updates.setPeriod(REFRESH_EVERY);
        updates.setExecutor(reads);
        updates.setOnSucceeded(e -> model.show(updates.getValue()));
        updates.setOnFailed(e -> model.unavailable(updates.getException()));
    }

    @FXML
    private void initialize() {
        chartPane.getChildren().add(0, chart.viewer());
        chart.viewer().getCanvas().setTooltipEnabled(false);
        chart.viewer().addChartMouseListener(new MarkerPicking());
        emptyChart.textProperty().bind(model.emptyMessageProperty());
        emptyChart.visibleProperty().bind(model.emptyMessageProperty().isNotEmpty());
        model.readingProperty().addListener((o, before, reading) -> chart.show(reading));
        // The console switches themes by the user-agent stylesheet, which notifies no one; the chart pane's background
        // is the theme's (dashboard.css), so its change is the moment to repaint the chart, which CSS cannot reach.
        chartPane.backgroundProperty().addListener((o, before, after) -> chart.look(ChartLook.current()));

        jobChoice.setItems(model.jobs());
        jobChoice.valueProperty().bindBidirectional(model.jobProperty());
        topicChoice.setItems(model.topics());
        topicChoice.valueProperty().bindBidirectional(model.topicProperty());
        rangeChoice.getItems().setAll(DashboardRange.values());
        rangeChoice.valueProperty().bindBidirectional(model.rangeProperty());
        model.jobProperty().addListener((o, before, after) -> readNow());
        model.rangeProperty().addListener((o, before, after) -> readNow());
        model.topicProperty().addListener((o, before, after) -> readNow());
        lagLine.textProperty().bind(model.lagLineProperty());
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        eventList.setItems(model.markers());
        eventList.setCellFactory(list -> new EventCell());
        eventList.getSelectionModel().selectedItemProperty().addListener((o, before, after) -> {
            if (after != null) {
                model.selectedEventProperty().set(after);
            }
        });
        model.selectedEventProperty().addListener((o, before, after) -> eventList.getSelectionModel().select(after));
        eventDetails.textProperty().bind(model.eventDetails());

        TableColumns.text(topicColumn, PartitionRow::topic);
        TableColumns.text(partitionColumn, PartitionRow::partitionText);
        TableColumns.text(sourceEndColumn, PartitionRow::sourceEndText);
        TableColumns.text(storedColumn, PartitionRow::storedText);
        TableColumns.text(lagRecordsColumn, PartitionRow::lagRecordsText);
        TableColumns.text(lagSecondsColumn, PartitionRow::lagSecondsText);
        TableColumns.text(recordsColumn, PartitionRow::recordsPerSecondText);
        TableColumns.text(latencyColumn, PartitionRow::latencyP50Text);
        TableColumns.text(errorColumn, PartitionRow::lastErrorText);
        partitionsTable.setItems(model.partitions());

        // Read while shown only; the database is closed while another screen is, and opened again on return.
        root.sceneProperty().addListener((o, before, after) -> {
            if (after != null) {
                chart.look(ChartLook.current());
                updates.restart();
            } else {
                updates.cancel();
                Task<Void> closing = new Task<>() {
                    @Override
                    protected Void call() {
                        state.close();
                        return null;
                    }
                };
                closing.setOnFailed(e -> context.notifications().error(closing.getException()));
                reads.execute(closing);
            }
        });
    }

    @FXML
    private void resetZoom() {
        chart.resetZoom();
    }

    /**
     * A new pick is read at once rather than at the next period; the periodic reads go on from there. Checked after the
     * current event, since a reading being shown updates the choices too, from the service's own success handler, where
     * the service cannot be restarted.
     */
    private void readNow() {
        Platform.runLater(this::readIfPicked);
    }

    private void readIfPicked() {
        DashboardReading shown = model.readingProperty().get();
        boolean alreadyRead = shown != null && Objects.equals(shown.job(), model.jobProperty().get())
                && Objects.equals(shown.topic(), model.topicToRead()) && shown.range() == model.rangeProperty().get();
        if (root.getScene() != null && !alreadyRead) {
            updates.restart();
        }
    }


    /** An event's summary, its details on hover. */
    private static final class EventCell extends ListCell<EventMarker> {

        @Override
        protected void updateItem(EventMarker marker, boolean empty) {
            super.updateItem(marker, empty);
            setText(empty || marker == null ? null : marker.summary());
            setTooltip(empty || marker == null ? null : new Tooltip(marker.details()));
        }
    }

    /** A click near a marker shows its event's details; hovering near one shows them as a tooltip. */
    private final class MarkerPicking implements ChartMouseListenerFX {

        @Override
        public void chartMouseClicked(ChartMouseEventFX event) {
            chart.markerNear(event.getTrigger().getX()).ifPresent(model.selectedEventProperty()::set);
        }

        @Override
        public void chartMouseMoved(ChartMouseEventFX event) {
            Optional<EventMarker> near = chart.markerNear(event.getTrigger().getX());
            chart.viewer().getCanvas().setTooltip(near.map(EventMarker::details).orElse(null),
                    event.getTrigger().getScreenX(), event.getTrigger().getScreenY());
        }
    }
}
