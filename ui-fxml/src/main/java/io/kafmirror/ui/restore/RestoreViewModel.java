package io.kafmirror.ui.restore;

import io.kafmirror.engine.restore.RestorePlan;
import io.kafmirror.engine.restore.RestorePlanException;
import io.kafmirror.engine.restore.RestoreRequest;
import io.kafmirror.ui.Background;
import io.kafmirror.ui.RestoreAt;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Restore screen's choice of what to restore and to when: a store, a backed-up topic, its generation (when it was
 * deleted and created again), the generation's timeline, the restore point (an instant to the millisecond, kept in sync with its text) and the per-partition cut the planner makes of it.
 * Reads go through {@link StoredBackups} on {@code background}; only the newest plan asked for is shown. Use on the FX
 * thread.
 */
public final class RestoreViewModel {

    /** Buckets of the density histogram: about one per four pixels of the timeline in a 1200 px window, so a sparse backup still reads as a shape. */
    static final int BUCKETS = 300;
    /** Records shown on each side of the cut. */
    static final int PREVIEWED = 5;

    private final StoredBackups backups;
    private final Background background;
    private final Consumer<Throwable> errors;
    private final ObservableList<String> stores = FXCollections.observableArrayList();
    private final ObjectProperty<String> store = new SimpleObjectProperty<>();
    private final ObservableList<BackedUpTopic> topics = FXCollections.observableArrayList();
    private final ObjectProperty<BackedUpTopic> topic = new SimpleObjectProperty<>();
    private final ObservableList<BackedUpTopic> alsoRestored = FXCollections.observableArrayList();
    private final ObservableList<TopicGeneration> generations = FXCollections.observableArrayList();
    private final ObjectProperty<TopicGeneration> generation = new SimpleObjectProperty<>();
    // While a read timeline shows its generation, which is no choice of the operator's to read again.
    private boolean showingGeneration;
    private final ReadOnlyObjectWrapper<BackupTimeline> timeline = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Instant> point = new ReadOnlyObjectWrapper<>();
    private final StringProperty pointText = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper pointProblem = new ReadOnlyStringWrapper("");
    private final ObservableList<CutRow> cuts = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper planNotes = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<CutRow> selectedCut = new ReadOnlyObjectWrapper<>();
    private final ObservableList<PreviewRecord> preview = FXCollections.observableArrayList();
    // The plan the cut table shows, which the preview reads around.
    private RestorePlan shownPlan;
    // Which change started the current sync, so the point and its text do not rewrite each other.
    private boolean syncing;
    // While a plan replaces the rows, a table's selection jumping with them is not the operator's choice.
    private boolean replacingRows;
    private final StringProperty partitionsText = new SimpleStringProperty("");
    private final StringProperty windowStartText = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<RestoreScope> scope = new ReadOnlyObjectWrapper<>(RestoreScope.ALL);
    private final ReadOnlyStringWrapper scopeProblem = new ReadOnlyStringWrapper("");
    // Where another screen asked the screen to open, until the topic's timeline is shown there.
    private Pending pending;
    // The latest topics, plan and preview asked for; an older one finishing later is dropped.
    private long topicsAsked;
    private long timelinesAsked;
    private long plansAsked;
    private long previewsAsked;

    /** The choice over {@code backups}, read on {@code background}, with failures to read them to {@code errors}. */
    public RestoreViewModel(StoredBackups backups, Background background, Consumer<Throwable> errors) {
        this.backups = backups;
        this.background = background;
        this.errors = errors;
        store.addListener((o, before, after) -> loadTopics(after));
        topic.addListener((o, before, after) -> {
            alsoRestored.remove(after);
            loadTimeline(after, null);
        });
        generation.addListener((o, before, after) -> {
            if (!showingGeneration && after != null && topic.get() != null) {
                loadTimeline(topic.get(), after.topicId());
            }
        });
        point.addListener((o, before, after) -> showPoint(after));
        pointText.addListener((o, before, after) -> readPoint(after));
        partitionsText.addListener((o, before, after) -> readScope());
        windowStartText.addListener((o, before, after) -> readScope());
        scope.addListener((o, before, after) -> planCut());
    }

    /** The configured stores. */
    public ObservableList<String> stores() {
        return stores;
    }

    /** The store restored from. */
    public ObjectProperty<String> storeProperty() {
        return store;
    }

    /** The topics the store holds. */
    public ObservableList<BackedUpTopic> topics() {
        return topics;
    }

    /** Topics of the same store restored with the shown one, to the same point and window, named the same way. */
    public ObservableList<BackedUpTopic> alsoRestored() {
        return alsoRestored;
    }

    /** The topic restored. */
    public ObjectProperty<BackedUpTopic> topicProperty() {
        return topic;
    }

    /** The generations of the chosen topic the backup holds, oldest first: more than one once it was deleted and created again. */
    public ObservableList<TopicGeneration> generations() {
        return generations;
    }

    /** The generation shown, planned and restored: the newest unless the operator chose another. */
    public ObjectProperty<TopicGeneration> generationProperty() {
        return generation;
    }

    /** The chosen topic's timeline, null until it is read. */
    public ReadOnlyObjectProperty<BackupTimeline> timelineProperty() {
        return timeline.getReadOnlyProperty();
    }

    /** The restore point, within the backup, to the millisecond; null until a timeline is shown. */
    public ReadOnlyObjectProperty<Instant> pointProperty() {
        return point.getReadOnlyProperty();
    }

    /** The restore point as text; typing a valid time within the backup moves the point. */
    public StringProperty pointTextProperty() {
        return pointText;
    }

    /** Why the typed text is not a restore point, empty when it is. */
    public ReadOnlyStringProperty pointProblemProperty() {
        return pointProblem.getReadOnlyProperty();
    }

    /** The per-partition cut at the point, as last planned. */
    public ObservableList<CutRow> cuts() {
        return cuts;
    }

    /** The planner's warnings, or why it refused, in its own sentences; empty when there is nothing to say. */
    public ReadOnlyStringProperty planNotesProperty() {
        return planNotes.getReadOnlyProperty();
    }

    /** The partition whose records around the cut are previewed. */
    public ReadOnlyObjectProperty<CutRow> selectedCutProperty() {
        return selectedCut.getReadOnlyProperty();
    }

    /** The last {@value #PREVIEWED} records restored of the selected partition, then the first {@value #PREVIEWED} not. */
    public ObservableList<PreviewRecord> preview() {
        return preview;
    }

    /** Previews the records around {@code row}'s cut. */
    public void selectCut(CutRow row) {
        if (!replacingRows && row != null && !row.equals(selectedCut.get())) {
            selectedCut.set(row);
            previewCut();
        }
    }

    /** The partitions restored, as typed: numbers separated by commas or spaces; empty for all. */
    public StringProperty partitionsTextProperty() {
        return partitionsText;
    }

    /** Where the restored window starts, as typed like the point; empty for the start of the backup. */
    public StringProperty windowStartTextProperty() {
        return windowStartText;
    }

    /** The partitions and window restored; null while the fields do not say a valid one. */
    public ReadOnlyObjectProperty<RestoreScope> scopeProperty() {
        return scope.getReadOnlyProperty();
    }

    /** Why the partitions or the window start typed are not valid, empty when they are. */
    public ReadOnlyStringProperty scopeProblemProperty() {
        return scopeProblem.getReadOnlyProperty();
    }

    /** Reads the stores from the configuration file again and chooses the first. */
    public void load() {
        background.run(backups::stores, names -> {
            String keep = pending != null ? pending.store() : store.get();
            stores.setAll(names);
            store.set(null);
            store.set(keep != null && names.contains(keep) ? keep : names.stream().findFirst().orElse(null));
        }, errors);
    }

    /**
     * Opens the backup of {@code at}'s topic, in the store of its job, at its point: what the Alerts screen's "Restore
     * to just before" asks for. A job that no longer backs the topic up is a notification saying so.
     */
    public void open(RestoreAt at) {
        background.run(() -> backups.locate(at.job(), at.topic()), found -> {
            if (found.isEmpty()) {
                errors.accept(new IllegalStateException("Job " + at.job() + " does not back up topic '" + at.topic()
                        + "' (any more): pick its store and topic on the Restore screen"));
                return;
            }
            pending = new Pending(found.get().store(), found.get().topic(), at.point());
            if (stores.isEmpty()) {
                return; // load() chooses the pending store once the stores are read
            }
            if (!pending.store().equals(store.get())) {
                store.set(pending.store());
            } else if (topics.contains(pending.topic())) {
                takePending();
            }
        }, errors);
    }

    /** Moves the point to {@code at}, kept within the backup and cut to the millisecond; what the timeline reports. */
    public void pick(Instant at) {
        BackupTimeline shown = timeline.get();
        if (shown == null) {
            return;
        }
        Instant start = shown.density().start();
        Instant end = shown.density().end();
        Instant within = at.isBefore(start) ? start : at.isAfter(end) ? end : at;
        point.set(within.truncatedTo(ChronoUnit.MILLIS));
    }

    /** Moves the point by {@code step}, e.g. one second for an arrow key. */
    public void nudge(Duration step) {
        if (point.get() != null) {
            pick(point.get().plus(step));
        }
    }

    /** Moves the point to one millisecond before {@code event}: the last moment the backup had not seen it. */
    public void jumpBefore(TimelineEvent event) {
        pick(event.at().minusMillis(1));
    }

    /** Plans the cut at the current point off the FX thread; the controller asks once dragging pauses. */
    public void planCut() {
        String from = store.get();
        BackedUpTopic of = topic.get();
        Instant at = point.get();
        if (from == null || of == null || at == null) {
            return;
        }
        long asked = ++plansAsked;
        RestoreScope part = scope.get();
        if (part == null) {
            showNoPlan();
            return;
        }
        if (part.from() != null && part.from().isAfter(at)) {
            showNoPlan();
            planNotes.set("The window starts at " + PointText.format(part.from()) + ", after the restore point: move the"
                    + " point later or the window start earlier.");
            return;
        }
        TopicGeneration shown = generation.get();
        RestoreRequest request = shown == null ? part.request(of, at) : part.request(of, at).withGeneration(shown.topicId());
        Integer partition = selectedCut.get() == null ? null : selectedCut.get().partition();
        // The plan and the preview of the partition it will select come back together: the screen lays out and draws
        // once per move of the point, not once for each (issue #5).
        background.run(() -> planAndPreview(from, request, partition), read -> {
            if (asked == plansAsked) {
                showPlan(read);
            }
        }, failure -> {
            if (asked == plansAsked) {
                refused(failure);
            }
        });
    }

    private PlanRead planAndPreview(String from, RestoreRequest request, Integer partition) {
        RestorePlan plan = backups.plan(from, request);
        CutRow selected = rowToSelect(PlanRead.rowsOf(plan), partition);
        if (selected == null) {
            return new PlanRead(plan, null, List.of(), null);
        }
        try {
            return new PlanRead(plan, selected, backups.preview(from, plan, selected.partition(), PREVIEWED), null);
        } catch (RuntimeException failure) {
            return new PlanRead(plan, selected, List.of(), failure);
        }
    }

    // The partition selected before, else the first.
    private static CutRow rowToSelect(List<CutRow> rows, Integer partition) {
        return rows.stream().filter(r -> partition != null && r.partition() == partition).findFirst()
                .orElse(rows.stream().findFirst().orElse(null));
    }

    private void previewCut() {
        String from = store.get();
        RestorePlan plan = shownPlan;
        CutRow row = selectedCut.get();
        long asked = ++previewsAsked;
        if (from == null || plan == null || row == null) {
            preview.clear();
            return;
        }
        background.run(() -> backups.preview(from, plan, row.partition(), PREVIEWED), read -> {
            if (asked == previewsAsked) {
                preview.setAll(read);
            }
        }, failure -> {
            if (asked == previewsAsked) {
                preview.clear();
                errors.accept(failure);
            }
        });
    }

    private void loadTopics(String name) {
        alsoRestored.clear();
        topics.clear();
        topic.set(null);
        long asked = ++topicsAsked;
        if (name != null) {
            background.run(() -> {
                List<BackedUpTopic> found = backups.topics(name);
                return new TopicsRead(found, backups.firstToShow(found).orElse(null));
            }, read -> {
                if (asked == topicsAsked) {
                    topics.setAll(read.topics());
                    if (pending != null && read.topics().contains(pending.topic())) {
                        takePending();
                    } else {
                        topic.set(read.first());
                    }
                }
            }, errors);
        }
    }

    /** Reads generation {@code id} (null: the newest, with the topic's generations) of {@code chosen} and shows its timeline. */
    private void loadTimeline(BackedUpTopic chosen, UUID id) {
        timeline.set(null);
        point.set(null);
        showNoPlan();
        if (id == null) {
            showGeneration(List.of(), null);
        }
        String from = store.get();
        long asked = ++timelinesAsked;
        if (chosen != null && from != null) {
            background.run(() -> backups.timeline(from, chosen, id, BUCKETS), read -> {
                if (asked == timelinesAsked && chosen.equals(topic.get())) {
                    showGeneration(read.generations(), read.generation());
                    timeline.set(read);
                    // The newest state is what an operator looks at first, unless another screen chose the point.
                    if (pending != null && pending.topic().equals(chosen)) {
                        pick(pending.point());
                        pending = null;
                    } else {
                        pick(read.density().end());
                    }
                    planCut();
                }
            }, errors);
        }
    }

    private void showGeneration(List<TopicGeneration> all, TopicGeneration shown) {
        showingGeneration = true;
        generations.setAll(all);
        generation.set(shown);
        showingGeneration = false;
    }

    /** Shows the pending topic, whose timeline then takes the pending point; at once when it is shown already. */
    private void takePending() {
        if (pending.topic().equals(topic.get()) && timeline.get() != null) {
            pick(pending.point());
            pending = null;
            planCut();
        } else {
            topic.set(pending.topic());
        }
    }

    private void readScope() {
        try {
            scope.set(RestoreScope.parse(partitionsText.get(), windowStartText.get()));
            scopeProblem.set("");
        } catch (IllegalArgumentException e) {
            // No scope rather than the last valid one: nothing is planned or restored that the fields do not say.
            scope.set(null);
            scopeProblem.set(e.getMessage());
        }
    }

    private void showPoint(Instant at) {
        if (!syncing) {
            syncing = true;
            pointText.set(at == null ? "" : PointText.format(at));
            pointProblem.set("");
            syncing = false;
        }
    }

    private void readPoint(String text) {
        if (syncing || timeline.get() == null) {
            return;
        }
        Instant at;
        try {
            at = PointText.parse(text);
        } catch (IllegalArgumentException e) {
            pointProblem.set(e.getMessage());
            return;
        }
        if (!timeline.get().covers(at)) {
            pointProblem.set(timeline.get().coverage());
            return;
        }
        pointProblem.set("");
        syncing = true;
        point.set(at.truncatedTo(ChronoUnit.MILLIS));
        syncing = false;
    }

    /** Shows no plan: an empty table, no preview. */
    private void showNoPlan() {
        showPlan(new PlanRead(null, null, List.of(), null));
    }

    /** Shows a plan read with a preview, previewing the same partition as before, else the first. */
    private void showPlan(PlanRead read) {
        shownPlan = read.plan();
        List<CutRow> rows = PlanRead.rowsOf(read.plan());
        Integer partition = selectedCut.get() == null ? null : selectedCut.get().partition();
        replacingRows = true;
        cuts.setAll(rows);
        replacingRows = false;
        planNotes.set(read.plan() == null ? "" : String.join("\n", read.plan().warnings()));
        // Through null, so a row equal to the previous one is still announced and selected among the new rows.
        selectedCut.set(null);
        CutRow selected = rowToSelect(rows, partition);
        selectedCut.set(selected);
        if (!Objects.equals(selected, read.previewed())) {
            // Another partition was selected while the plan was read.
            previewCut();
            return;
        }
        // A preview still being read for the plan before is not shown over this one.
        previewsAsked++;
        preview.setAll(read.preview());
        if (read.previewFailure() != null) {
            errors.accept(read.previewFailure());
        }
    }

    private void refused(Throwable failure) {
        if (failure instanceof RestorePlanException refusal) {
            showNoPlan();
            planNotes.set(refusal.getMessage());
        } else {
            errors.accept(failure);
        }
    }

    /**
     * A plan with the preview of the partition to select in it, read together.
     *
     * @param plan           the plan; null for none
     * @param previewed      the row whose preview was read; null for none
     * @param preview        the records around its cut; empty when there is none or it failed
     * @param previewFailure why the preview could not be read; null when it was
     */
    private record PlanRead(RestorePlan plan, CutRow previewed, List<PreviewRecord> preview, RuntimeException previewFailure) {

        /** The cuts of {@code plan} as the table shows them; none for no plan. */
        static List<CutRow> rowsOf(RestorePlan plan) {
            return plan == null ? List.of() : plan.cuts().stream().map(CutRow::of).toList();
        }
    }

    /** A store, topic and point another screen asked to open at. */
    private record Pending(String store, BackedUpTopic topic, Instant point) {
    }

    /** A store's topics and the one to show first. */
    private record TopicsRead(List<BackedUpTopic> topics, BackedUpTopic first) {
    }
}
