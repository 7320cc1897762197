package io.kafmirror.ui.evidence;

import io.kafmirror.engine.evidence.ExportSchedule;
import io.kafmirror.ui.ConsoleContext;
import io.kafmirror.ui.FxBackground;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import javafx.util.converter.LocalDateStringConverter;

/**
 * The Evidence screen's controller: binds the period, store, file, Export, the signing key and the scheduled command to
 * an {@link EvidenceViewModel}; opens the save dialog and fills the clipboard. Reads the stores and the key each time
 * the screen is shown (the Clusters screen may have added a store meanwhile).
 */
public final class EvidenceController {

    @FXML private VBox root;
    @FXML private DatePicker fromPicker;
    @FXML private DatePicker toPicker;
    @FXML private Label periodText;
    @FXML private ComboBox<String> storeChoice;
    @FXML private TextField outField;
    @FXML private CheckBox replaceBox;
    @FXML private Button exportButton;
    @FXML private ProgressIndicator exportProgress;
    @FXML private Label exportStatus;
    @FXML private TextArea outcomeArea;
    @FXML private TextField fingerprintField;
    @FXML private TextArea keyArea;
    @FXML private ChoiceBox<ExportSchedule> everyChoice;
    @FXML private TextField commandField;

    private final EvidenceViewModel model;

    /** The controller of the Evidence screen over the console's configuration and data folder. */
    public EvidenceController(ConsoleContext context) {
        this.model = new EvidenceViewModel(new EvidenceState(context.configFile(), context.dataDir()), new FxBackground(),
                context.notifications()::error, Clock.systemUTC(), ZoneId.systemDefault(), Path.of(System.getProperty("user.home")));
    }

    @FXML
    private void initialize() {
        // ISO dates, as the period line under them and the pack's report write them: 11/1/2026 reads differently in
        // the United States and in Europe, and an auditor's period must not.
        for (DatePicker picker : List.of(fromPicker, toPicker)) {
            picker.setConverter(new LocalDateStringConverter(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ISO_LOCAL_DATE));
            picker.setPromptText("yyyy-mm-dd");
        }
        fromPicker.valueProperty().bindBidirectional(model.fromProperty());
        toPicker.valueProperty().bindBidirectional(model.toProperty());
        periodText.textProperty().bind(model.periodText());
        storeChoice.setItems(model.stores());
        storeChoice.valueProperty().bindBidirectional(model.storeProperty());
        outField.textProperty().bindBidirectional(model.outFileProperty());
        replaceBox.selectedProperty().bindBidirectional(model.replaceProperty());
        exportButton.disableProperty().bind(model.canExport().not());
        exportProgress.visibleProperty().bind(model.exportingProperty());
        exportStatus.visibleProperty().bind(model.exportingProperty());
        outcomeArea.textProperty().bind(model.outcome());
        outcomeArea.visibleProperty().bind(model.outcome().isNotEmpty());
        outcomeArea.managedProperty().bind(outcomeArea.visibleProperty());
        keyArea.textProperty().bind(model.publicPemProperty());
        model.fingerprintProperty().addListener((o, before, after) -> fingerprintField.setText(model.groupedFingerprint()));
        everyChoice.getItems().setAll(ExportSchedule.values());
        everyChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(ExportSchedule schedule) {
                return schedule == null ? "" : schedule.name().toLowerCase(Locale.ROOT);
            }

            @Override
            public ExportSchedule fromString(String text) {
                return ExportSchedule.valueOf(text.toUpperCase(Locale.ROOT));
            }
        });
        everyChoice.valueProperty().bindBidirectional(model.everyProperty());
        commandField.textProperty().bind(model.scheduledCommand());
        root.sceneProperty().addListener((o, before, after) -> {
            if (after != null) {
                model.load();
            }
        });
    }

    @FXML
    private void last7Days() {
        model.apply(PeriodPreset.LAST_7_DAYS);
    }

    @FXML
    private void lastMonth() {
        model.apply(PeriodPreset.LAST_MONTH);
    }

    @FXML
    private void lastQuarter() {
        model.apply(PeriodPreset.LAST_QUARTER);
    }

    @FXML
    private void choose() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the evidence pack");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Zip files", "*.zip"));
        File folder = model.folder().toFile();
        if (folder.isDirectory()) {
            chooser.setInitialDirectory(folder);
        }
        chooser.setInitialFileName(model.fileName());
        File chosen = chooser.showSaveDialog(root.getScene().getWindow());
        if (chosen != null) {
            model.chosen(chosen.toPath());
        }
    }

    @FXML
    private void export() {
        model.export();
    }

    @FXML
    private void copyKey() {
        copy(model.keyText());
    }

    @FXML
    private void copyCommand() {
        copy(model.scheduledCommand().get());
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
