package io.kafmirror.ui.restore;

import io.kafmirror.engine.restore.RestoreRun;
import io.kafmirror.engine.restore.TargetOptions;
import io.kafmirror.engine.restore.TopicMapping;
import io.kafmirror.ui.Background;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The Restore screen's target and run: the cluster and the mapped topic name, a dry run of the plan, and the restore
 * itself with its progress, cancel and verification, as {@code kaf-mirror restore} does them. The source (store, topic,
 * point) is the {@link RestoreViewModel}'s. Use on the FX thread.
 */
public final class RestoreRunModel {

    private final ObservableValue<String> store;
    private final ObservableValue<BackedUpTopic> topic;
    private final ObservableValue<Instant> point;
    private final ObservableValue<RestoreScope> scope;
    private final ObservableValue<TopicGeneration> generation;
    private final ObservableList<BackedUpTopic> alsoRestored;
    private final StoredBackups backups;
    private final ClusterRestore restore;
    private final Background reads;
    private final Background runs;
    private final Consumer<Throwable> errors;
    private final Clock clock;
    private final ObservableList<String> clusters = FXCollections.observableArrayList();
    private final ObjectProperty<String> cluster = new SimpleObjectProperty<>();
    private final ObjectProperty<TopicNaming> naming = new SimpleObjectProperty<>(TopicNaming.PREFIX);
    private final StringProperty namingText = new SimpleStringProperty(TopicNaming.PREFIX.example());
    private final ReadOnlyStringWrapper targetTopic = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper namingProblem = new ReadOnlyStringWrapper("");
    private final BooleanProperty append = new SimpleBooleanProperty();
    private final StringProperty replicationFactorText = new SimpleStringProperty("");
    private final StringProperty topicConfigsText = new SimpleStringProperty("");
    private final StringProperty groupsText = new SimpleStringProperty("");
    private final StringProperty maxRateText = new SimpleStringProperty("");
    private final BooleanProperty verify = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper optionsProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final BooleanBinding ready;
    // The run under way, handed over by the worker thread as it starts; read for progress and cancelling.
    private final AtomicReference<RestoreRun> run = new AtomicReference<>();
    // Which of the topics asked for the run under way restores, as "orders (2 of 3)"; empty for a single topic.
    private final AtomicReference<String> runningTopic = new AtomicReference<>("");
    // Cancel pressed while the target was still being prepared: the run is cancelled as soon as it exists.
    private final AtomicBoolean cancelAsked = new AtomicBoolean();

    /**
     * The target and run of the restore of {@code topic} in {@code store} to {@code point}, of the {@code scope} and
     * {@code generation} asked for, with the topics {@code alsoRestored}: the dry run planned by
     * {@code backups} on {@code reads}, the restore run by {@code restore} on {@code runs}, failures to {@code errors}.
     */
    public RestoreRunModel(ObservableValue<String> store, ObservableValue<BackedUpTopic> topic, ObservableValue<Instant> point,
                           ObservableValue<RestoreScope> scope, ObservableValue<TopicGeneration> generation,
                           ObservableList<BackedUpTopic> alsoRestored, StoredBackups backups, ClusterRestore restore,
                           Background reads, Background runs, Consumer<Throwable> errors, Clock clock) {
        this.store = store;
        this.topic = topic;
        this.point = point;
        this.scope = scope;
        this.generation = generation;
        this.alsoRestored = alsoRestored;
        this.backups = backups;
        this.restore = restore;
        this.reads = reads;
        this.runs = runs;
        this.errors = errors;
        this.clock = clock;
        topic.addListener((o, before, after) -> mapName());
        alsoRestored.addListener((ListChangeListener<BackedUpTopic>) change -> mapName());
        naming.addListener((o, before, after) -> namingText.set(after == null ? "" : after.example()));
        namingText.addListener((o, before, after) -> mapName());
        point.addListener((o, before, after) -> outcome.set(""));
        scope.addListener((o, before, after) -> outcome.set(""));
        generation.addListener((o, before, after) -> outcome.set(""));
        replicationFactorText.addListener((o, before, after) -> checkOptions());
        topicConfigsText.addListener((o, before, after) -> checkOptions());
        groupsText.addListener((o, before, after) -> checkOptions());
        maxRateText.addListener((o, before, after) -> checkOptions());
        ready = Bindings.createBooleanBinding(() -> !running.get() && cluster.get() != null && !targetTopic.get().isEmpty()
                && optionsProblem.get().isEmpty() && store.getValue() != null && point.getValue() != null
                && scope.getValue() != null, running, cluster, targetTopic, optionsProblem, store, point, scope);
        mapName();
    }

    /** The configured clusters to restore into. */
    public ObservableList<String> clusters() {
        return clusters;
    }

    /** The cluster restored into. */
    public ObjectProperty<String> clusterProperty() {
        return cluster;
    }

    /** How the target topic is named. */
    public ObjectProperty<TopicNaming> namingProperty() {
        return naming;
    }

    /** The prefix, or {@code pattern=replacement}, of the naming. */
    public StringProperty namingTextProperty() {
        return namingText;
    }

    /** The target topics' names as the naming makes them of the source topics', the shown one's first; empty when it makes none. */
    public ReadOnlyStringProperty targetTopicProperty() {
        return targetTopic.getReadOnlyProperty();
    }

    /** Why the naming gives no valid topic name, empty when it does. */
    public ReadOnlyStringProperty namingProblemProperty() {
        return namingProblem.getReadOnlyProperty();
    }

    /** Whether records may follow those already in the target topic ({@code --append}). */
    public BooleanProperty appendProperty() {
        return append;
    }

    /** The replication factor of a created target topic; empty for the source's. */
    public StringProperty replicationFactorTextProperty() {
        return replicationFactorText;
    }

    /** Configs of a created target topic over the stored ones, {@code name=value} separated by spaces; may be empty. */
    public StringProperty topicConfigsTextProperty() {
        return topicConfigsText;
    }

    /** The consumer groups to set on the target where they stood at the point: names, {@code *} for all, or empty. */
    public StringProperty groupsTextProperty() {
        return groupsText;
    }

    /** The most record data written per second, in MB/s; empty for no limit. */
    public StringProperty maxRateTextProperty() {
        return maxRateText;
    }

    /** Whether the target is read back and compared with the backup after the restore; on unless turned off. */
    public BooleanProperty verifyProperty() {
        return verify;
    }

    /** Why the topic settings, the groups or the max rate are not valid, empty when they are. */
    public ReadOnlyStringProperty optionsProblemProperty() {
        return optionsProblem.getReadOnlyProperty();
    }

    /** Whether a restore runs. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The share of the running restore done, 0 to 1; -1 while the target is prepared. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The running restore's records, bytes and time left. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The dry run's plan, or how the last restore ended with its verification, in plain words. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /**
     * Whether a dry run or a restore can be asked for: a source, a point, a valid scope, a cluster, a topic name and valid
     * options, nothing running.
     */
    public BooleanBinding readyProperty() {
        return ready;
    }

    /** Reads the clusters from the configuration file again, keeping the chosen one if it is still there. */
    public void load() {
        reads.run(restore::clusters, names -> {
            String keep = cluster.get();
            clusters.setAll(names);
            cluster.set(keep != null && names.contains(keep) ? keep : names.stream().findFirst().orElse(null));
        }, errors);
    }

    /** Shows what the restore would write, planned off the FX thread; nothing is written and no cluster is asked. */
    public void dryRun() {
        List<RestoreOrder> orders = orders();
        if (!orders.isEmpty()) {
            reads.run(() -> {
                List<String> plans = new ArrayList<>();
                for (RestoreOrder order : orders) {
                    plans.add(RestoreWords.dryRun(backups.plan(order.store(), order.request()), order));
                }
                return String.join("\n", plans);
            }, outcome::set, errors);
        }
    }

    /**
     * Runs the restore off the FX thread, topic after topic when several are asked for: progress from
     * {@link #refreshProgress()}, each topic's verification at the end. A topic that fails does not stop the others.
     */
    public void restore() {
        List<RestoreOrder> orders = orders();
        if (orders.isEmpty() || running.get()) {
            return;
        }
        begin("Preparing topic '" + orders.get(0).targetTopic() + "' on " + orders.get(0).targetCluster() + "…");
        runs.run(() -> restoreEach(orders), outcomes -> {
            finished();
            outcome.set(RestoreWords.results(outcomes));
            outcomes.stream().map(TopicOutcome::failure).filter(Objects::nonNull).forEach(errors);
        }, failure -> {
            finished();
            outcome.set("Restore failed: " + failure.getMessage() + " Press Restore again to resume it.");
            errors.accept(failure);
        });
    }

    /**
     * Resumes the interrupted or failed restore {@code id} off the FX thread, as asking for it again does, at the max rate
     * typed and verified if Verify after restore is on: progress, cancel and outcome as for {@link #restore()}.
     */
    public void resume(long id) {
        if (running.get() || !optionsProblem.get().isEmpty()) {
            return;
        }
        long maxBytesPerSecond = RateLimit.bytesPerSecond(maxRateText.get());
        boolean verifyAfter = verify.get();
        runningTopic.set("");
        begin("Resuming restore #" + id + "…");
        runs.run(() -> restore.resume(id, maxBytesPerSecond, verifyAfter, this::started), result -> {
            finished();
            outcome.set(RestoreWords.result(result));
        }, failure -> {
            finished();
            outcome.set("Restore #" + id + " not resumed: " + failure.getMessage());
            errors.accept(failure);
        });
    }

    /** Shows a run starting, {@code preparing} said until its first progress. */
    private void begin(String preparing) {
        run.set(null);
        cancelAsked.set(false);
        running.set(true);
        progress.set(-1);
        progressText.set(preparing);
        outcome.set("");
    }

    /** Cancels the running restore once the records in flight are acknowledged; running it again resumes it. */
    public void cancel() {
        cancelAsked.set(true);
        RestoreRun current = run.get();
        if (current != null) {
            current.cancel();
        }
    }

    /** Reads the running restore's progress; the controller calls it a few times a second while one runs. */
    public void refreshProgress() {
        RestoreRun current = run.get();
        if (running.get() && current != null && current.progress() != null) {
            progress.set(current.progress().fraction());
            progressText.set(runningTopic.get() + RestoreWords.progress(current.progress(), clock.instant()));
        }
    }

    /**
     * On the worker thread: each order in turn, a failure kept with its topic. Cancel stops the run under way and the
     * topics after it; pressed before the first started, that one still starts and ends cancelled at once, so it is
     * recorded and resumable like any other.
     */
    private List<TopicOutcome> restoreEach(List<RestoreOrder> orders) throws InterruptedException {
        List<TopicOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            RestoreOrder order = orders.get(i);
            if (i > 0 && cancelAsked.get()) {
                outcomes.add(new TopicOutcome(order, null, null));
                continue;
            }
            runningTopic.set(orders.size() == 1 ? "" : order.topic().topic() + " (" + (i + 1) + " of " + orders.size() + "): ");
            try {
                outcomes.add(new TopicOutcome(order, restore.run(order, this::started), null));
            } catch (RuntimeException e) {
                outcomes.add(new TopicOutcome(order, null, e));
            }
        }
        return outcomes;
    }

    /** On the worker thread, as the run starts. */
    private void started(RestoreRun started) {
        run.set(started);
        if (cancelAsked.get()) {
            started.cancel();
        }
    }

    private void finished() {
        refreshProgress();
        running.set(false);
        run.set(null);
    }

    /** One order per topic asked for, the shown topic first; none unless a restore can be asked for. */
    private List<RestoreOrder> orders() {
        if (!ready.get()) {
            return List.of();
        }
        TopicMapping mapping = naming.get().mapping(namingText.get());
        TargetOptions target = targetOptions();
        GroupChoice groups = GroupChoice.parse(groupsText.get());
        long maxBytesPerSecond = RateLimit.bytesPerSecond(maxRateText.get());
        List<RestoreOrder> orders = new ArrayList<>();
        for (BackedUpTopic each : topics()) {
            // The generation chosen is the shown topic's; the others restore their newest.
            UUID chosen = each.equals(topic.getValue()) && generation.getValue() != null ? generation.getValue().topicId() : null;
            orders.add(new RestoreOrder(store.getValue(), each, point.getValue(), scope.getValue(), chosen, cluster.get(),
                    mapping.target(each.topic()), target, groups, maxBytesPerSecond, verify.get()));
        }
        return orders;
    }

    private List<BackedUpTopic> topics() {
        List<BackedUpTopic> all = new ArrayList<>();
        all.add(topic.getValue());
        alsoRestored.stream().filter(t -> !t.equals(topic.getValue())).forEach(all::add);
        return all;
    }

    private TargetOptions targetOptions() {
        return TopicSettings.parse(replicationFactorText.get(), topicConfigsText.get(), append.get());
    }

    private void checkOptions() {
        try {
            targetOptions();
            GroupChoice.parse(groupsText.get());
            RateLimit.bytesPerSecond(maxRateText.get());
            optionsProblem.set("");
        } catch (IllegalArgumentException e) {
            optionsProblem.set(e.getMessage());
        }
    }

    private void mapName() {
        BackedUpTopic source = topic.getValue();
        outcome.set("");
        if (source == null || naming.get() == null) {
            targetTopic.set("");
            namingProblem.set("");
            return;
        }
        try {
            TopicMapping mapping = naming.get().mapping(namingText.get());
            List<String> names = new ArrayList<>();
            for (BackedUpTopic each : topics()) {
                names.add(mapping.target(each.topic()));
            }
            targetTopic.set(String.join(", ", names));
            namingProblem.set("");
        } catch (IllegalArgumentException e) {
            targetTopic.set("");
            namingProblem.set(e.getMessage());
        }
    }
}
