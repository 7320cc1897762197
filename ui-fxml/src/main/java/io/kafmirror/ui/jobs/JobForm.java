package io.kafmirror.ui.jobs;

import io.kafmirror.engine.config.ConfigException;
import io.kafmirror.engine.config.ConfigLoader;
import io.kafmirror.engine.config.ConfigName;
import io.kafmirror.engine.config.DurationText;
import io.kafmirror.engine.config.FlushPolicy;
import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.config.RetentionPolicy;
import io.kafmirror.engine.config.RetentionRule;
import io.kafmirror.engine.config.SizeText;
import io.kafmirror.engine.config.StoredBatches;
import io.kafmirror.engine.config.TopicSelection;
import io.kafmirror.engine.state.Job;
import io.kafmirror.kfs.format.SegmentCodec;
import io.kafmirror.kfs.store.RetentionMode;
import io.kafmirror.ui.Background;
import io.kafmirror.ui.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.apache.kafka.common.IsolationLevel;

/**
 * The new/edit job form: every field of a {@link JobConfig} the operator sets, each validated as it changes with the
 * message the CLI would give, the live preview of the topics the patterns select, and saving through the same
 * {@code JobStore} call as {@code kaf-mirror jobs add} (or {@code update} for a job being edited). Use on the FX thread.
 */
public final class JobForm {

    /** How long a preview waits for the cluster before saying it did not answer. */
    static final Duration PREVIEW_TIMEOUT = Duration.ofSeconds(10);
    /** Read for its defaults only: a new job starts with them. */
    private static final JobConfig DEFAULTS = JobConfig.of("defaults", "defaults", TopicSelection.parse(".*", ""));

    /** The Object Lock of every segment, as the form offers it. */
    public enum Lock {
        /** Not locked. */
        NONE,
        /** Privileged users can delete or shorten. */
        GOVERNANCE,
        /** Nobody can delete or shorten before it expires. */
        COMPLIANCE;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Path configFile;
    private final JobsState state;
    private final Background background;
    private final Consumer<Throwable> errors;
    // Whether an empty name or pattern is named as a problem: not on a fresh new-job form, which would open in red,
    // but from the operator's first change of either on. Saving stays disabled while either is empty regardless.
    private boolean blanksNamed;
    private MirrorConfig config = MirrorConfig.EMPTY;
    /** The job being edited, whose settings the form does not show (buffer, snapshots, per-topic retention, drills) are kept. */
    private Job editing;
    private int previewRound;
    private String lastPreviewProblem = "";

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("New job");
    private final ReadOnlyStringWrapper configNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final BooleanProperty nameEditable = new SimpleBooleanProperty(true);
    private final StringProperty name = new SimpleStringProperty("");
    private final ObservableList<String> sources = FXCollections.observableArrayList();
    private final ObjectProperty<String> source = new SimpleObjectProperty<>();
    private final ObservableList<String> stores = FXCollections.observableArrayList();
    private final ObjectProperty<String> store = new SimpleObjectProperty<>();
    private final StringProperty includes = new SimpleStringProperty("");
    private final StringProperty excludes = new SimpleStringProperty("");
    private final StringProperty flushBytes = new SimpleStringProperty();
    private final StringProperty flushLinger = new SimpleStringProperty();
    private final ObjectProperty<SegmentCodec> compression = new SimpleObjectProperty<>();
    private final ObjectProperty<StoredBatches> batches = new SimpleObjectProperty<>();
    private final ObjectProperty<Lock> lock = new SimpleObjectProperty<>();
    private final StringProperty lockDays = new SimpleStringProperty();
    private final ObjectProperty<IsolationLevel> isolation = new SimpleObjectProperty<>();
    private final BooleanProperty commitOffsets = new SimpleBooleanProperty();
    private final AnomalyFields anomalies = new AnomalyFields(flushLinger);

    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sourceError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper storeError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper includesError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper excludesError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper flushBytesError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper flushLingerError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lockDaysError = new ReadOnlyStringWrapper("");
    private final BooleanBinding valid;

    private final ReadOnlyObjectWrapper<TopicPreview> preview = new ReadOnlyObjectWrapper<>(TopicPreview.EMPTY);
    private final ReadOnlyStringWrapper previewStatus = new ReadOnlyStringWrapper("");
    private final BooleanProperty previewBusy = new SimpleBooleanProperty(false);

    /**
     * A form for jobs between the clusters and stores of {@code configFile}, saved into {@code state}, slow work on
     * {@code background}, failures to {@code errors}.
     */
    public JobForm(Path configFile, JobsState state, Background background, Consumer<Throwable> errors) {
        this.configFile = configFile;
        this.state = state;
        this.background = background;
        this.errors = errors;
        fill(DEFAULTS);
        // Registered before the validating listeners, which then see the operator's first keystroke.
        name.addListener((o, before, after) -> blanksNamed = true);
        includes.addListener((o, before, after) -> blanksNamed = true);
        // Change listeners, not invalidation ones: those stay silent until the value is read again.
        List<ObservableValue<?>> inputs = List.of(name, source, store, includes, excludes, flushBytes, flushLinger, lock, lockDays);
        inputs.forEach(input -> input.addListener((o, before, after) -> validate()));
        valid = Bindings.createBooleanBinding(() -> !name.get().isBlank() && !includes.get().isBlank()
                        && nameError.get().isEmpty() && sourceError.get().isEmpty()
                        && storeError.get().isEmpty() && includesError.get().isEmpty() && excludesError.get().isEmpty()
                        && flushBytesError.get().isEmpty() && flushLingerError.get().isEmpty() && lockDaysError.get().isEmpty()
                        && anomalies.maxLagErrorProperty().get().isEmpty(),
                name, includes, nameError, sourceError, storeError, includesError, excludesError, flushBytesError,
                flushLingerError, lockDaysError, anomalies.maxLagErrorProperty());
        validate();
    }

    /** Reads the configuration file for its clusters and stores, in the background. */
    public void loadConfig() {
        background.run(() -> Files.isRegularFile(configFile) ? new ConfigLoader().load(configFile) : null, loaded -> {
            config = loaded == null ? MirrorConfig.EMPTY : loaded;
            configNote.set(loaded == null ? "No configuration file at " + configFile + " yet: add a cluster and a store"
                    + " on the Clusters screen first." : config.clusters().isEmpty() || config.stores().isEmpty()
                    ? "The configuration needs at least one cluster and one store: add them on the Clusters screen." : "");
            sources.setAll(config.clusters().keySet());
            stores.setAll(config.stores().keySet());
            keepOrFirst(source, sources);
            keepOrFirst(store, stores);
        }, failure -> {
            configNote.set(Problem.of(failure).message());
            errors.accept(failure);
        });
    }

    /** Clears the form for a new job, keeping source and store. */
    public void newJob() {
        editing = null;
        title.set("New job");
        nameEditable.set(true);
        name.set("");
        includes.set("");
        excludes.set("");
        fill(DEFAULTS);
        blanksNamed = false;
        validate();
    }

    /** Fills the form with {@code job}, to change its settings; its name stays. */
    public void edit(Job job) {
        editing = job;
        title.set("Edit job " + job.name());
        nameEditable.set(false);
        name.set(job.name());
        source.set(job.config().source());
        store.set(job.config().store());
        includes.set(String.join(",", job.config().topics().includes()));
        excludes.set(String.join(",", job.config().topics().excludes()));
        fill(job.config());
    }

    /** The job the fields describe; only when {@link #validProperty()} holds. */
    public JobConfig toJobConfig() {
        RetentionPolicy retention = lock.get() == Lock.NONE && (editing == null || editing.config().retention().topics().isEmpty())
                ? null : new RetentionPolicy(lockRule(), editing == null ? Map.of() : editing.config().retention().topics());
        return new JobConfig(source.get(), store.get(), selection(), new FlushPolicy(SizeText.parse(flushBytes.get()),
                DurationText.parse(flushLinger.get())), compression.get(), batches.get(),
                editing == null ? null : editing.config().maxBuffered(), isolation.get(), retention,
                editing == null ? null : editing.config().snapshotInterval(), commitOffsets.get(),
                anomalies.toSettings(editing == null ? null : editing.config().anomalies()),
                editing == null ? null : editing.config().drills());
    }

    /** Saves the job as {@code kaf-mirror jobs add} (or {@code update} when editing) does, then runs {@code saved}. */
    public void save(Runnable saved) {
        if (!valid.get()) {
            return;
        }
        String jobName = name.get().strip();
        boolean adding = editing == null;
        JobConfig job;
        try {
            job = toJobConfig();
        } catch (ConfigException | IllegalArgumentException e) {
            errors.accept(e);
            return;
        }
        background.run(() -> adding ? state.add(jobName, job) : state.update(jobName, job), done -> {
            status.set(adding ? "Job " + jobName + " added, running: 'kaf-mirror run' mirrors it." : "Job " + jobName + " saved.");
            newJob();
            saved.run();
        }, errors);
    }

    /** Reads the source's topics and shows which the patterns select; call it once typing pauses. */
    public void refreshPreview() {
        int round = ++previewRound;
        String cluster = source.get();
        if (cluster == null || includes.get().isBlank() || !includesError.get().isEmpty() || !excludesError.get().isEmpty()) {
            preview.set(TopicPreview.EMPTY);
            previewBusy.set(false);
            previewStatus.set(cluster == null ? "Pick a source cluster to see its topics."
                    : includes.get().isBlank() ? "Type an include pattern to see the topics it selects."
                    : "Correct the patterns to see the topics they select.");
            return;
        }
        TopicSelection selection = selection();
        MirrorConfig current = config;
        previewBusy.set(true);
        previewStatus.set("Reading the topics of " + cluster + "…");
        background.run(() -> TopicPreview.of(new ClusterTopics(current.cluster(cluster).clientProperties(), PREVIEW_TIMEOUT)
                .list(), selection), found -> {
            if (round == previewRound) {
                previewBusy.set(false);
                preview.set(found);
                previewStatus.set(found.summary());
                lastPreviewProblem = "";
            }
        }, failure -> {
            if (round == previewRound) {
                previewBusy.set(false);
                preview.set(TopicPreview.EMPTY);
                String message = Problem.of(failure).message();
                previewStatus.set(message);
                // Typing goes on while the cluster is unreachable: report it once, not once per keystroke.
                if (!message.equals(lastPreviewProblem)) {
                    lastPreviewProblem = message;
                    errors.accept(failure);
                }
            }
        });
    }

    private void fill(JobConfig job) {
        flushBytes.set(SizeText.format(job.flush().maxBytes()));
        flushLinger.set(DurationText.format(job.flush().maxLinger()));
        compression.set(job.compression());
        batches.set(job.batches());
        RetentionRule rule = job.retention().defaultRule();
        lock.set(rule.mode() == null ? Lock.NONE : Lock.valueOf(rule.mode().name()));
        // Days are what the form offers; a rule of another length is shown rounded up and saved as shown.
        lockDays.set(rule.mode() == null ? "30" : String.valueOf((rule.duration().toHours() + 23) / 24));
        isolation.set(job.isolation());
        commitOffsets.set(job.commitOffsets());
        anomalies.fill(job.detection());
    }

    private RetentionRule lockRule() {
        return lock.get() == Lock.NONE ? RetentionRule.NONE
                : new RetentionRule(RetentionMode.valueOf(lock.get().name()), Duration.ofDays(days(lockDays.get())));
    }

    private TopicSelection selection() {
        return TopicSelection.parse(includes.get(), excludes.get());
    }

    private void validate() {
        String jobName = name.get().strip();
        nameError.set(jobName.isEmpty() ? (blanksNamed ? "Name the job, e.g. orders-backup." : "")
                : ConfigName.isValid(jobName) ? "" : "'" + jobName + "' is not a valid job name: use " + ConfigName.RULE + ".");
        sourceError.set(source.get() == null ? "Pick the cluster to back up." : "");
        storeError.set(store.get() == null ? "Pick the store to write to." : "");
        includesError.set(includes.get().isBlank() ? (blanksNamed ? "Give at least one pattern, e.g. orders.* (.* for all topics)." : "")
                : problem(() -> TopicSelection.parse(includes.get(), "")));
        excludesError.set(problem(() -> TopicSelection.parse(".*", excludes.get())));
        flushBytesError.set(positive(flushBytes.get(), SizeText::parse, "16MiB"));
        flushLingerError.set(positive(flushLinger.get(), t -> DurationText.parse(t).toMillis(), "30s"));
        lockDaysError.set(lock.get() == Lock.NONE ? "" : positive(lockDays.get(), JobForm::days, "30"));
    }

    private static String positive(String text, Function<String, Long> parse, String example) {
        return problem(() -> {
            if (parse.apply(text.strip()) <= 0) {
                throw new IllegalArgumentException("'" + text + "' must be positive, e.g. " + example);
            }
        });
    }

    private static long days(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number of days, e.g. 30", e);
        }
    }

    private static String problem(Runnable check) {
        try {
            check.run();
            return "";
        } catch (ConfigException e) {
            return e.problem();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static void keepOrFirst(ObjectProperty<String> choice, ObservableList<String> names) {
        if (choice.get() == null || !names.contains(choice.get())) {
            choice.set(names.isEmpty() ? null : names.get(0));
        }
    }

    // Properties, for the view to bind.

    /** "New job" or "Edit job NAME". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** What is missing from the configuration for a job to be set up, or empty. */
    public ReadOnlyStringProperty configNoteProperty() {
        return configNote.getReadOnlyProperty();
    }

    /** What the last save did, or empty. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** False while editing: a job is renamed by removing it and adding it again. */
    public BooleanProperty nameEditableProperty() {
        return nameEditable;
    }

    /** The job's name. */
    public StringProperty nameProperty() {
        return name;
    }

    /** The configured clusters. */
    public ObservableList<String> sources() {
        return sources;
    }

    /** The cluster to back up. */
    public ObjectProperty<String> sourceProperty() {
        return source;
    }

    /** The configured stores. */
    public ObservableList<String> stores() {
        return stores;
    }

    /** The store to write to. */
    public ObjectProperty<String> storeProperty() {
        return store;
    }

    /** Comma-separated include patterns. */
    public StringProperty includesProperty() {
        return includes;
    }

    /** Comma-separated exclude patterns. */
    public StringProperty excludesProperty() {
        return excludes;
    }

    /** Flush size, e.g. 16MiB. */
    public StringProperty flushBytesProperty() {
        return flushBytes;
    }

    /** Flush linger, e.g. 30s. */
    public StringProperty flushLingerProperty() {
        return flushLinger;
    }

    /** Compression of the batches kaf-mirror builds. */
    public ObjectProperty<SegmentCodec> compressionProperty() {
        return compression;
    }

    /** Source batches kept or rebuilt. */
    public ObjectProperty<StoredBatches> batchesProperty() {
        return batches;
    }

    /** The Object Lock mode of every segment. */
    public ObjectProperty<Lock> lockProperty() {
        return lock;
    }

    /** How many days a segment stays locked. */
    public StringProperty lockDaysProperty() {
        return lockDays;
    }

    /** Which records are read. */
    public ObjectProperty<IsolationLevel> isolationProperty() {
        return isolation;
    }

    /** Whether progress is committed to the source. */
    public BooleanProperty commitOffsetsProperty() {
        return commitOffsets;
    }

    /** The "Anomaly detection" section. */
    public AnomalyFields anomalies() {
        return anomalies;
    }

    /** What is wrong with the name, or empty. */
    public ReadOnlyStringProperty nameErrorProperty() {
        return nameError.getReadOnlyProperty();
    }

    /** What is wrong with the source, or empty. */
    public ReadOnlyStringProperty sourceErrorProperty() {
        return sourceError.getReadOnlyProperty();
    }

    /** What is wrong with the store, or empty. */
    public ReadOnlyStringProperty storeErrorProperty() {
        return storeError.getReadOnlyProperty();
    }

    /** What is wrong with the include patterns (the pattern and where its regex breaks), or empty. */
    public ReadOnlyStringProperty includesErrorProperty() {
        return includesError.getReadOnlyProperty();
    }

    /** What is wrong with the exclude patterns, or empty. */
    public ReadOnlyStringProperty excludesErrorProperty() {
        return excludesError.getReadOnlyProperty();
    }

    /** What is wrong with the flush size, or empty. */
    public ReadOnlyStringProperty flushBytesErrorProperty() {
        return flushBytesError.getReadOnlyProperty();
    }

    /** What is wrong with the flush linger, or empty. */
    public ReadOnlyStringProperty flushLingerErrorProperty() {
        return flushLingerError.getReadOnlyProperty();
    }

    /** What is wrong with the lock days, or empty. */
    public ReadOnlyStringProperty lockDaysErrorProperty() {
        return lockDaysError.getReadOnlyProperty();
    }

    /** Every field is valid: the job can be saved. */
    public BooleanBinding validProperty() {
        return valid;
    }

    /** The topics the patterns select on the source right now. */
    public ReadOnlyObjectProperty<TopicPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** What the preview shows or why it shows nothing. */
    public ReadOnlyStringProperty previewStatusProperty() {
        return previewStatus.getReadOnlyProperty();
    }

    /** A preview is being read. */
    public BooleanProperty previewBusyProperty() {
        return previewBusy;
    }
}
