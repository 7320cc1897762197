package io.kafmirror.ui.clusters;

import io.kafmirror.ui.ConsoleContext;
import io.kafmirror.ui.FxBackground;
import java.util.concurrent.Executors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/** Binds ClustersView.fxml to a {@link ClustersViewModel}: list, selection, buttons, Test connection and keys. */
public final class ClustersController {

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass OK = PseudoClass.getPseudoClass("ok");

    private final ClustersViewModel model;
    // Built by the console shell, this controller reads the configuration, in the background, once its view exists.
    private final boolean loadsItsModel;
    private final ObjectProperty<CheckOutcome> shownTest = new SimpleObjectProperty<>();

    @FXML private Parent root;
    @FXML private ListView<EntryForm> entryList;
    @FXML private Button duplicate;
    @FXML private Button delete;
    @FXML private Button addCluster;
    @FXML private Button addStore;
    @FXML private Node clusterForm;
    @FXML private ClusterFormController clusterFormController;
    @FXML private Node storeForm;
    @FXML private StoreFormController storeFormController;
    @FXML private Label emptyHint;
    @FXML private Button testConnection;
    @FXML private ProgressIndicator testProgress;
    @FXML private Button cancelTest;
    @FXML private Label testSummary;
    @FXML private Label testDetails;
    @FXML private Button save;
    @FXML private Button revert;
    @FXML private Label status;

    /** A controller showing {@code model}, which its creator loads. */
    public ClustersController(ClustersViewModel model) {
        this(model, false);
    }

    /** The console shell's controller: the console's configuration file, read, tested and audited on daemon threads. */
    public ClustersController(ConsoleContext context) {
        this(new ClustersViewModel(context.configFile(), context.dataDir(), System.getenv(), Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "clusters-background");
            thread.setDaemon(true);
            return thread;
        }), new FxBackground(), ClustersView.PROBE_TIMEOUT), true);
    }

    private ClustersController(ClustersViewModel model, boolean loadsItsModel) {
        this.model = model;
        this.loadsItsModel = loadsItsModel;
    }

    @FXML
    private void initialize() {
        entryList.setItems(model.entries());
        entryList.setCellFactory(list -> new EntryCell());
        entryList.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((o, was, now) -> show(now));
        show(model.selectedProperty().get());

        var nothingSelected = model.selectedProperty().isNull();
        duplicate.disableProperty().bind(nothingSelected);
        delete.disableProperty().bind(nothingSelected);
        addCluster.disableProperty().bind(model.loadedProperty().not());
        addStore.disableProperty().bind(model.loadedProperty().not());
        save.disableProperty().bind(model.unsavedProperty().not().or(model.savingProperty()));
        revert.disableProperty().bind(model.unsavedProperty().not().and(model.loadedProperty()).or(model.savingProperty()));
        testConnection.disableProperty().bind(nothingSelected.or(model.testingProperty()));
        testProgress.visibleProperty().bind(model.testingProperty());
        cancelTest.visibleProperty().bind(model.testingProperty());
        testProgress.managedProperty().bind(testProgress.visibleProperty());
        cancelTest.managedProperty().bind(cancelTest.visibleProperty());

        testSummary.textProperty().bind(Bindings.createStringBinding(() -> shownTest.get() == null
                ? model.testingProperty().get() ? "Connecting…" : "" : shownTest.get().summary(), shownTest, model.testingProperty()));
        testDetails.textProperty().bind(Bindings.createStringBinding(() -> shownTest.get() == null ? ""
                : shownTest.get().details(), shownTest));
        shownTest.addListener((o, was, now) -> {
            testSummary.pseudoClassStateChanged(OK, now != null && now.ok());
            testSummary.pseudoClassStateChanged(ERROR, now != null && !now.ok());
        });
        status.textProperty().bind(Bindings.createStringBinding(() -> model.statusProperty().get().text(), model.statusProperty()));
        model.statusProperty().addListener((o, was, now) -> status.pseudoClassStateChanged(ERROR, now.isError()));

        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        if (loadsItsModel) {
            model.loadInBackground();
        }
    }

    // Enter saves and Escape reverts from any field, except where those keys already mean something:
    // a new line in the properties area, or closing an open drop-down.
    private void onKey(KeyEvent event) {
        if (event.getTarget() instanceof ComboBoxBase<?> choice && choice.isShowing()) {
            return;
        }
        if (event.getCode() == KeyCode.ENTER && !(event.getTarget() instanceof TextArea) && !(event.getTarget() instanceof Button)) {
            model.save();
            event.consume();
        } else if (event.getCode() == KeyCode.ESCAPE) {
            if (model.testingProperty().get()) {
                model.cancelTest();
            } else {
                model.revert();
            }
            event.consume();
        }
    }

    private void show(EntryForm form) {
        clusterFormController.show(form instanceof ClusterForm cluster ? cluster : null);
        storeFormController.show(form instanceof StoreForm store ? store : null);
        clusterForm.setVisible(form instanceof ClusterForm);
        storeForm.setVisible(form instanceof StoreForm);
        emptyHint.setVisible(form == null);
        shownTest.unbind();
        shownTest.set(null);
        if (form != null) {
            shownTest.bind(form.lastTestProperty());
            entryList.getSelectionModel().select(form);
        }
    }

    @FXML
    private void addCluster() {
        model.addCluster();
        clusterFormController.focusName();
    }

    @FXML
    private void addStore() {
        model.addStore();
        storeFormController.focusName();
    }

    @FXML
    private void duplicate() {
        model.duplicate();
    }

    @FXML
    private void delete() {
        model.delete();
    }

    @FXML
    private void save() {
        model.save();
    }

    @FXML
    private void revert() {
        model.revert();
    }

    @FXML
    private void testConnection() {
        model.testConnection();
    }

    @FXML
    private void cancelTest() {
        model.cancelTest();
    }

    /** A list row: the kind and name of the entry, marked when its form has a problem. */
    private static final class EntryCell extends ListCell<EntryForm> {
        @Override
        protected void updateItem(EntryForm entry, boolean empty) {
            super.updateItem(entry, empty);
            if (empty || entry == null) {
                setText(null);
                pseudoClassStateChanged(ERROR, false);
                return;
            }
            String kind = entry instanceof ClusterForm ? "Cluster" : "Store";
            boolean valid = entry.validProperty().get();
            setText(kind + "  " + entry.nameProperty().get() + (valid ? "" : "  (fix fields)"));
            pseudoClassStateChanged(ERROR, !valid);
        }
    }
}
