package io.kafmirror.ui.clusters;

import io.kafmirror.engine.config.ClusterConfig;
import io.kafmirror.engine.config.ConfigException;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.config.StoreConfig;
import io.kafmirror.engine.state.AuditOutcome;
import io.kafmirror.ui.Background;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * The state of the Clusters screen: the clusters and stores of the configuration file as forms, the selected
 * one, unsaved changes, and Test connection, which runs as a {@link Task} on the given executor with its
 * result delivered on the FX thread. Save and Revert act on the whole file, as in an editor; Save's slow part
 * (encrypting new secrets, writing the file, the audit) runs on a {@link Background}.
 */
public final class ClustersViewModel {

    private final ConfigFile file;
    private final SaveAudit audit;
    private final EnvironmentValues environmentValues;
    private final FormContext context;
    private final Executor executor;
    private final Background saves;
    private final ClusterCheck clusterCheck;
    private final StoreCheck storeCheck = new StoreCheck();
    // The extractor makes the list report a renamed or newly invalid entry, so its cell is redrawn.
    private final ObservableList<EntryForm> entries = FXCollections.observableArrayList(
            form -> new Observable[] {form.nameProperty(), form.validProperty()});
    private final ObjectProperty<EntryForm> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper unsaved = new ReadOnlyBooleanWrapper(this, "unsaved");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(this, "testing");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyObjectWrapper<FieldNote> status = new ReadOnlyObjectWrapper<>(this, "status", FieldNote.NONE);
    private Task<CheckOutcome> test;
    private boolean reading;
    // Counts the edits, so an edit made while a save runs stays unsaved.
    private long edits;

    /**
     * The screen for {@code configFile}, references expanded from {@code environment}, Test connection run on
     * {@code executor} and given up after {@code probeTimeout}, saves (with their audit into the state database in
     * {@code dataDir}) on {@code saves}.
     */
    public ClustersViewModel(Path configFile, Path dataDir, Map<String, String> environment, Executor executor, Background saves,
                             Duration probeTimeout) {
        this.file = new ConfigFile(configFile, environment);
        this.audit = new SaveAudit(dataDir);
        this.environmentValues = new EnvironmentValues(environment, file.secrets());
        this.context = new FormContext(file.path().getParent(), environmentValues, this::nameTaken, () -> {
            edits++;
            unsaved.set(true);
        });
        this.executor = executor;
        this.saves = saves;
        this.clusterCheck = new ClusterCheck(probeTimeout);
    }

    /** Reads the file, replacing every form; unsaved changes are dropped. Also what Revert does. */
    public void load() {
        if (reading) {
            // The file is being read already; two reads at once would race on what was loaded.
            return;
        }
        MirrorConfig config;
        try {
            config = file.load();
        } catch (ConfigException | UncheckedIOException e) {
            unreadable(e);
            return;
        }
        show(config);
    }

    /**
     * As {@link #load()}, the file read on the executor and the forms replaced on the FX thread afterwards: how the console
     * opens the screen, so that reading YAML (and loading the classes that do it) never holds up a frame.
     */
    public void loadInBackground() {
        status.set(FieldNote.info("Reading " + file.path() + "…"));
        Task<MirrorConfig> read = new Task<>() {
            @Override
            protected MirrorConfig call() {
                return file.load();
            }
        };
        read.setOnSucceeded(e -> {
            reading = false;
            show(read.getValue());
        });
        read.setOnFailed(e -> {
            reading = false;
            unreadable(read.getException());
        });
        reading = true;
        executor.execute(read);
    }

    private void unreadable(Throwable e) {
        // Saving over a file that did not load would drop its jobs: nothing is editable until it is fixed.
        entries.clear();
        loaded.set(false);
        status.set(FieldNote.error("Cannot read " + file.path() + ": " + e.getMessage()));
    }

    private void show(MirrorConfig config) {
        String selectedName = selected.get() == null ? null : selected.get().nameProperty().get();
        entries.clear();
        config.clusters().forEach((name, cluster) -> entries.add(ClusterForm.of(context, name, cluster)));
        config.stores().forEach((name, store) -> entries.add(StoreForm.of(context, name, store)));
        entries.forEach(this::watchName);
        selected.set(entries.stream().filter(e -> e.nameProperty().get().equals(selectedName)).findFirst()
                .orElse(entries.isEmpty() ? null : entries.get(0)));
        loaded.set(true);
        unsaved.set(false);
        status.set(FieldNote.info(count(config.clusters().size(), "cluster") + " and "
                + count(config.stores().size(), "store") + " in " + file.path()));
    }

    /** Discards every unsaved change and reads the file again; not while a save runs. */
    public void revert() {
        if (!saving.get()) {
            load();
        }
    }

    /** Adds an empty cluster after the last one and selects it. */
    public void addCluster() {
        ClusterForm form = new ClusterForm(context);
        form.nameProperty().set(freeName("clusters", "cluster"));
        insert(form);
    }

    /** Adds an empty local store at the end and selects it. */
    public void addStore() {
        StoreForm form = new StoreForm(context);
        form.nameProperty().set(freeName("stores", "store"));
        insert(form);
    }

    /** Adds a copy of the selected entry under a free name and selects it. */
    public void duplicate() {
        EntryForm original = selected.get();
        if (original != null) {
            insert(original.copy(freeName(original.section(), original.nameProperty().get() + "-copy")));
        }
    }

    /** Removes the selected entry (from the file at the next save) and selects its neighbour. */
    public void delete() {
        EntryForm gone = selected.get();
        if (gone == null) {
            return;
        }
        int index = entries.indexOf(gone);
        entries.remove(gone);
        entries.forEach(EntryForm::check);
        selected.set(entries.isEmpty() ? null : entries.get(Math.min(index, entries.size() - 1)));
        unsaved.set(true);
    }

    /**
     * Writes every cluster and store to the file through the engine's writer, when every form is valid and the
     * engine accepts each entry; otherwise selects the first entry with a problem and says what it is. New secrets are
     * encrypted (half a second each) and the file written and audited in the background, Save disabled meanwhile; the
     * status says how it ended.
     */
    public void save() {
        if (!loaded.get() || saving.get()) {
            return;
        }
        entries.forEach(EntryForm::check);
        Optional<EntryForm> invalid = entries.stream().filter(e -> !e.validProperty().get()).findFirst();
        if (invalid.isPresent()) {
            refuse(invalid.get(), "Not saved: fix the fields marked in " + invalid.get().nameProperty().get());
            return;
        }
        List<String> secrets = entries.stream().flatMap(e -> e.secretsAsTyped().stream()).toList();
        saving.set(true);
        status.set(FieldNote.info("Saving to " + file.path() + "…"));
        saves.run(() -> {
            environmentValues.sealAhead(secrets);
            return secrets.size();
        }, sealed -> write(), this::notSaved);
    }

    private void write() {
        // Valid forms hold secrets in clear only when there is a passphrase to encrypt them with; they were encrypted ahead.
        entries.forEach(EntryForm::encryptSecrets);
        Map<String, ClusterConfig> clusters = new LinkedHashMap<>();
        Map<String, StoreConfig> stores = new LinkedHashMap<>();
        for (EntryForm form : entries) {
            try {
                if (form instanceof ClusterForm cluster) {
                    clusters.put(form.nameProperty().get(), file.cluster(cluster));
                } else if (form instanceof StoreForm store) {
                    stores.put(form.nameProperty().get(), file.store(store));
                }
            } catch (ConfigException e) {
                saving.set(false);
                form.show(e);
                refuse(form, "Not saved: " + form.nameProperty().get() + ": " + e.problem());
                return;
            }
        }
        Map<String, Object> changes = file.changes(clusters, stores);
        long editsWritten = edits;
        saves.run(() -> {
            try {
                file.save(clusters, stores);
            } catch (ConfigException | IllegalStateException | UncheckedIOException e) {
                audit.saved(file.path(), changes, e instanceof UncheckedIOException ? AuditOutcome.FAILED : AuditOutcome.REFUSED,
                        e.getMessage());
                throw e;
            }
            audit.saved(file.path(), changes, AuditOutcome.OK, null);
            return "Saved " + count(clusters.size(), "cluster") + " and " + count(stores.size(), "store") + " to " + file.path();
        }, saved -> {
            saving.set(false);
            unsaved.set(edits != editsWritten);
            status.set(FieldNote.info(saved));
        }, this::notSaved);
    }

    private void notSaved(Throwable failure) {
        saving.set(false);
        status.set(FieldNote.error("Not saved: " + failure.getMessage()));
    }

    /** Starts Test connection of the selected entry in the background; its result lands on that entry's form. */
    public void testConnection() {
        EntryForm form = selected.get();
        if (form == null || testing.get()) {
            return;
        }
        Supplier<CheckOutcome> check;
        try {
            // Reading the form as configuration is quick and shows its problems at once; connecting is not.
            if (form instanceof ClusterForm cluster) {
                ClusterConfig config = file.cluster(cluster);
                check = () -> clusterCheck.run(config);
            } else {
                StoreConfig config = file.store((StoreForm) form);
                check = () -> storeCheck.run(config);
            }
        } catch (ConfigException e) {
            form.show(e);
            form.recordTest(CheckOutcome.failed("Cannot test: " + e.getMessage()));
            return;
        }
        Task<CheckOutcome> task = new Task<>() {
            @Override
            protected CheckOutcome call() {
                return check.get();
            }
        };
        task.setOnSucceeded(e -> finishTest(form, task.getValue()));
        task.setOnFailed(e -> finishTest(form, CheckOutcome.failed("The test stopped: " + task.getException().getMessage())));
        task.setOnCancelled(e -> finishTest(form, CheckOutcome.failed("Test cancelled")));
        test = task;
        testing.set(true);
        form.recordTest(null);
        executor.execute(task);
    }

    /** Stops a running Test connection. */
    public void cancelTest() {
        if (test != null) {
            test.cancel(true);
        }
    }

    private void finishTest(EntryForm form, CheckOutcome outcome) {
        form.recordTest(outcome);
        testing.set(false);
        test = null;
    }

    private void refuse(EntryForm form, String message) {
        selected.set(form);
        status.set(FieldNote.error(message));
    }

    private void insert(EntryForm form) {
        int at = form instanceof ClusterForm
                ? (int) entries.stream().filter(e -> e instanceof ClusterForm).count() : entries.size();
        watchName(form);
        entries.add(at, form);
        selected.set(form);
        unsaved.set(true);
    }

    // A name change can make another entry's name a duplicate, or stop it being one.
    private void watchName(EntryForm form) {
        form.nameProperty().addListener(o -> entries.stream().filter(e -> e != form).forEach(EntryForm::check));
        form.check();
    }

    private boolean nameTaken(EntryForm form, String name) {
        return entries.stream().anyMatch(e -> e != form && e.section().equals(form.section())
                && e.nameProperty().get().equals(name));
    }

    private String freeName(String section, String base) {
        String name = base;
        for (int n = 1; taken(section, name); n++) {
            name = base + "-" + n;
        }
        return name;
    }

    private boolean taken(String section, String name) {
        return entries.stream().anyMatch(e -> e.section().equals(section) && e.nameProperty().get().equals(name));
    }

    /** The clusters, then the stores, in the order of the file. */
    public ObservableList<EntryForm> entries() {
        return entries;
    }

    /** The entry whose form is shown. */
    public ObjectProperty<EntryForm> selectedProperty() {
        return selected;
    }

    /** Whether there are changes not yet saved. */
    public ReadOnlyBooleanProperty unsavedProperty() {
        return unsaved.getReadOnlyProperty();
    }

    /** Whether the file was read, so its entries can be edited and saved. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Whether a save is running. */
    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** Whether a Test connection is running. */
    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    /** The last thing the screen has to say: loaded, saved, or why not. */
    public ReadOnlyObjectProperty<FieldNote> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Where the configuration file is. */
    public Path configFile() {
        return file.path();
    }

    private static String count(int n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }
}
