package io.kafmirror.ui.clusters;

import io.kafmirror.ui.FxBackground;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executor;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;

/**
 * The Clusters screen, ready to be placed in the console: loads {@value #FXML} with its controllers built
 * around one {@link ClustersViewModel}, and reads the configuration file. Call on the FX thread.
 */
public final class ClustersView {

    /** The screen's FXML, for a host that loads it itself with {@link #controllerFactory}. */
    public static final String FXML = "/io/kafmirror/ui/clusters/ClustersView.fxml";
    /** How long Test connection waits for a cluster, as {@code kaf-mirror clusters test} does by default. */
    public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(15);

    private final Parent root;
    private final ClustersViewModel model;

    private ClustersView(Parent root, ClustersViewModel model) {
        this.root = root;
        this.model = model;
    }

    /**
     * The screen for the configuration file {@code configFile} (created by the first save when missing), with
     * {@code ${VARIABLE}} references read from the process environment, Test connection run on {@code executor}, saves
     * and their audit (into the state database in {@code dataDir}) off the FX thread.
     */
    public static ClustersView load(Path configFile, Path dataDir, Executor executor) {
        return load(new ClustersViewModel(configFile, dataDir, System.getenv(), executor, new FxBackground(), PROBE_TIMEOUT));
    }

    /** The screen showing {@code model}, which is (re)loaded from its file. */
    public static ClustersView load(ClustersViewModel model) {
        FXMLLoader loader = new FXMLLoader(ClustersView.class.getResource(FXML));
        loader.setControllerFactory(controllerFactory(model));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + FXML + ": " + e.getMessage(), e);
        }
        model.load();
        return new ClustersView(root, model);
    }

    /** Builds the screen's controllers (the main one and the two forms') around {@code model}. */
    public static Callback<Class<?>, Object> controllerFactory(ClustersViewModel model) {
        return type -> {
            if (type == ClustersController.class) {
                return new ClustersController(model);
            }
            if (type == ClusterFormController.class) {
                return new ClusterFormController();
            }
            if (type == StoreFormController.class) {
                return new StoreFormController();
            }
            throw new IllegalArgumentException("ClustersView has no controller " + type.getName());
        };
    }

    /** The screen's root node. */
    public Parent root() {
        return root;
    }

    /** The screen's state, e.g. to ask for unsaved changes before the console closes. */
    public ClustersViewModel viewModel() {
        return model;
    }
}
