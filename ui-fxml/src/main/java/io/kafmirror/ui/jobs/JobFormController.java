package io.kafmirror.ui.jobs;

import io.kafmirror.engine.anomaly.Sensitivity;
import io.kafmirror.engine.config.StoredBatches;
import io.kafmirror.kfs.format.SegmentCodec;
import java.util.Locale;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.property.Property;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.apache.kafka.common.IsolationLevel;

/** Binds JobFormView.fxml to a {@link JobForm}, and asks for a preview once typing has paused. */
public final class JobFormController {

    /** Typing pause after which the preview is read: one query per pattern typed, not per keystroke. */
    static final Duration PREVIEW_DEBOUNCE = Duration.millis(300);

    @FXML private Label title;
    @FXML private Label configNote;
    @FXML private TextField nameField;
    @FXML private Label nameError;
    @FXML private ChoiceBox<String> sourceChoice;
    @FXML private Label sourceError;
    @FXML private ChoiceBox<String> storeChoice;
    @FXML private Label storeError;
    @FXML private TextField includesField;
    @FXML private Label includesError;
    @FXML private TextField excludesField;
    @FXML private Label excludesError;
    @FXML private ProgressIndicator previewBusy;
    @FXML private TableView<TopicPreview.Line> previewTable;
    @FXML private TableColumn<TopicPreview.Line, String> topicColumn;
    @FXML private TableColumn<TopicPreview.Line, Integer> partitionsColumn;
    @FXML private TableColumn<TopicPreview.Line, String> sizeColumn;
    @FXML private TableColumn<TopicPreview.Line, String> verdictColumn;
    @FXML private Label previewStatus;
    @FXML private TextField flushBytesField;
    @FXML private Label flushBytesError;
    @FXML private TextField flushLingerField;
    @FXML private Label flushLingerError;
    @FXML private ChoiceBox<SegmentCodec> compressionChoice;
    @FXML private ChoiceBox<StoredBatches> batchesChoice;
    @FXML private ChoiceBox<JobForm.Lock> lockChoice;
    @FXML private TextField lockDaysField;
    @FXML private Label lockDaysError;
    @FXML private ChoiceBox<IsolationLevel> isolationChoice;
    @FXML private CheckBox commitOffsetsCheck;
    @FXML private ChoiceBox<Sensitivity> sensitivityChoice;
    @FXML private TextField maxLagField;
    @FXML private Label maxLagError;
    @FXML private FlowPane detectorSwitches;
    @FXML private Button saveButton;
    @FXML private Label status;

    private JobForm form;
    private Runnable saved;

    /** Binds the controls to {@code form}; {@code saved} runs after each save. */
    void bind(JobForm form, Runnable saved) {
        this.form = form;
        this.saved = saved;
        title.textProperty().bind(form.titleProperty());
        showWhenSet(configNote, form.configNoteProperty());
        showWhenSet(status, form.statusProperty());
        nameField.textProperty().bindBidirectional(form.nameProperty());
        nameField.editableProperty().bind(form.nameEditableProperty());
        showWhenSet(nameError, form.nameErrorProperty());
        sourceChoice.setItems(form.sources());
        sourceChoice.valueProperty().bindBidirectional(form.sourceProperty());
        showWhenSet(sourceError, form.sourceErrorProperty());
        storeChoice.setItems(form.stores());
        storeChoice.valueProperty().bindBidirectional(form.storeProperty());
        showWhenSet(storeError, form.storeErrorProperty());
        includesField.textProperty().bindBidirectional(form.includesProperty());
        showWhenSet(includesError, form.includesErrorProperty());
        excludesField.textProperty().bindBidirectional(form.excludesProperty());
        showWhenSet(excludesError, form.excludesErrorProperty());

        previewBusy.visibleProperty().bind(form.previewBusyProperty());
        form.previewProperty().addListener((o, before, after) -> previewTable.getItems().setAll(after.lines()));
        topicColumn.setCellValueFactory(c -> constant(c.getValue().name()));
        partitionsColumn.setCellValueFactory(c -> constant(c.getValue().topic().partitions()));
        sizeColumn.setCellValueFactory(c -> constant(c.getValue().sizeText()));
        verdictColumn.setCellValueFactory(c -> constant(c.getValue().verdict().text()));
        previewStatus.textProperty().bind(form.previewStatusProperty());

        flushBytesField.textProperty().bindBidirectional(form.flushBytesProperty());
        showWhenSet(flushBytesError, form.flushBytesErrorProperty());
        flushLingerField.textProperty().bindBidirectional(form.flushLingerProperty());
        showWhenSet(flushLingerError, form.flushLingerErrorProperty());
        choices(compressionChoice, SegmentCodec.values(), form.compressionProperty(), c -> c.name().toLowerCase(Locale.ROOT));
        choices(batchesChoice, StoredBatches.values(), form.batchesProperty(), b -> b.name().toLowerCase(Locale.ROOT));
        choices(lockChoice, JobForm.Lock.values(), form.lockProperty(), JobForm.Lock::toString);
        lockDaysField.textProperty().bindBidirectional(form.lockDaysProperty());
        lockDaysField.disableProperty().bind(form.lockProperty().isEqualTo(JobForm.Lock.NONE));
        showWhenSet(lockDaysError, form.lockDaysErrorProperty());
        choices(isolationChoice, IsolationLevel.values(), form.isolationProperty(), IsolationLevel::toString);
        commitOffsetsCheck.selectedProperty().bindBidirectional(form.commitOffsetsProperty());
        bindAnomalies(form.anomalies());
        saveButton.disableProperty().bind(form.validProperty().not());

        PauseTransition typing = new PauseTransition(PREVIEW_DEBOUNCE);
        typing.setOnFinished(e -> form.refreshPreview());
        for (ObservableValue<?> input : new ObservableValue<?>[] {form.sourceProperty(), form.includesProperty(), form.excludesProperty()}) {
            input.addListener((o, before, after) -> typing.playFromStart());
        }
    }

    private void bindAnomalies(AnomalyFields anomalies) {
        choices(sensitivityChoice, Sensitivity.values(), anomalies.sensitivityProperty(), s -> s.name().toLowerCase(Locale.ROOT)
                + (s == Sensitivity.NORMAL ? " (default)" : ""));
        maxLagField.textProperty().bindBidirectional(anomalies.maxLagProperty());
        maxLagField.promptTextProperty().bind(anomalies.maxLagDefaultProperty());
        showWhenSet(maxLagError, anomalies.maxLagErrorProperty());
        anomalies.detectors().forEach((detector, on) -> {
            String name = detector.name().toLowerCase(Locale.ROOT);
            CheckBox check = new CheckBox(name.replace('_', ' '));
            check.setId("detector-" + name);
            check.selectedProperty().bindBidirectional(on);
            detectorSwitches.getChildren().add(check);
        });
    }

    @FXML
    private void save() {
        form.save(saved);
    }

    private static <T> ReadOnlyObjectWrapper<T> constant(T value) {
        return new ReadOnlyObjectWrapper<>(value);
    }

    /** A label that shows {@code text} and takes no room while it is empty. */
    private static void showWhenSet(Label label, ReadOnlyStringProperty text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(text.isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private static <T> void choices(ChoiceBox<T> box, T[] values, Property<T> value, Function<T, String> text) {
        box.setItems(FXCollections.observableArrayList(values));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : text.apply(item);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("A choice box never parses");
            }
        });
        box.valueProperty().bindBidirectional(value);
    }
}
