package io.kafmirror.ui.dashboard;

import io.kafmirror.ui.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The dashboard's state: which job over which range, the last reading of it (chart points, event markers,
 * partitions), the event picked for its details, and what to say when there is nothing to draw. Use on the FX thread.
 */
public final class DashboardViewModel {

    /** The topic choice that shows all the job's topics; no Kafka topic has a space in its name. */
    public static final String ALL_TOPICS = "All topics";

    private final Consumer<Throwable> errors;
    private final ObservableList<String> jobs = FXCollections.observableArrayList();
    private final ObjectProperty<String> job = new SimpleObjectProperty<>();
    private final ObservableList<String> topics = FXCollections.observableArrayList(ALL_TOPICS);
    private final ObjectProperty<String> topic = new SimpleObjectProperty<>(ALL_TOPICS);
    private final ObjectProperty<DashboardRange> range = new SimpleObjectProperty<>(DashboardRange.LAST_HOUR);
    private final ReadOnlyObjectWrapper<DashboardReading> reading = new ReadOnlyObjectWrapper<>();
    private final ObservableList<EventMarker> markers = FXCollections.observableArrayList();
    private final ObservableList<PartitionRow> partitions = FXCollections.observableArrayList();
    private final ObjectProperty<EventMarker> selectedEvent = new SimpleObjectProperty<>();
    private final StringBinding eventDetails = Bindings.createStringBinding(
            () -> selectedEvent.get() == null ? "Click an event, or the chart near a marker, for its details." : selectedEvent.get().details(),
            selectedEvent);
    private final ReadOnlyStringWrapper emptyMessage = new ReadOnlyStringWrapper("Reading the state database…");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lagLine = new ReadOnlyStringWrapper("");

    /** A dashboard reporting failures to read to {@code errors}, once per distinct failure. */
    public DashboardViewModel(Consumer<Throwable> errors) {
        this.errors = errors;
    }

    /** The jobs to pick from, sorted by name. */
    public ObservableList<String> jobs() {
        return jobs;
    }

    /** The job shown; the first one until the operator picks another. */
    public ObjectProperty<String> jobProperty() {
        return job;
    }

    /** {@link #ALL_TOPICS}, then the shown job's topics. */
    public ObservableList<String> topics() {
        return topics;
    }

    /** The topic shown, or {@link #ALL_TOPICS}; back to all when another job is picked. */
    public ObjectProperty<String> topicProperty() {
        return topic;
    }

    /** The topic to read: {@code null} for all. */
    public String topicToRead() {
        return topic.get() == null || ALL_TOPICS.equals(topic.get()) ? null : topic.get();
    }

    /** The chart's range. */
    public ObjectProperty<DashboardRange> rangeProperty() {
        return range;
    }

    /** The newest reading of the job shown, {@code null} before the first. */
    public ReadOnlyObjectProperty<DashboardReading> readingProperty() {
        return reading.getReadOnlyProperty();
    }

    /** The job's history in the range, oldest first, as drawn on the chart. */
    public ObservableList<EventMarker> markers() {
        return markers;
    }

    /** The job's partitions with their newest sample. */
    public ObservableList<PartitionRow> partitions() {
        return partitions;
    }

    /** The event whose details are shown. */
    public ObjectProperty<EventMarker> selectedEventProperty() {
        return selectedEvent;
    }

    /** The selected event's time, type, place and full message, or a hint how to pick one. */
    public StringBinding eventDetails() {
        return eventDetails;
    }

    /** Why the chart is empty, or empty when it has points. */
    public ReadOnlyStringProperty emptyMessageProperty() {
        return emptyMessage.getReadOnlyProperty();
    }

    /** The lag percentiles over the range, in records and seconds, of the job or topic shown; empty before a reading. */
    public ReadOnlyStringProperty lagLineProperty() {
        return lagLine.getReadOnlyProperty();
    }

    /** Why the state database could not be read, empty while it can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /**
     * Shows {@code next} unless it is of another job or range than now picked (a read started before the pick,
     * overtaken by the one the pick started); keeps the picked event when it is still in the range.
     */
    public void show(DashboardReading next) {
        boolean pickedOtherJob = job.get() != null && next.jobs().contains(job.get()) && !job.get().equals(next.job());
        boolean pickedOtherTopic = Objects.equals(next.job(), job.get()) && topicToRead() != null
                && next.topics().contains(topicToRead()) && !topicToRead().equals(next.topic());
        if (pickedOtherJob || pickedOtherTopic || next.range() != range.get()) {
            return;
        }
        if (!jobs.equals(next.jobs())) {
            jobs.setAll(next.jobs());
        }
        EventMarker picked = selectedEvent.get();
        markers.setAll(next.markers());
        selectedEvent.set(picked == null ? null
                : next.markers().stream().filter(m -> m.entry().id() == picked.entry().id()).findFirst().orElse(null));
        partitions.setAll(next.partitions());
        emptyMessage.set(emptyMessage(next));
        lagLine.set(LagLine.of(next));
        // The reading before the job and topic: a listener to them then sees it already read.
        reading.set(next);
        job.set(next.job());
        List<String> choices = new ArrayList<>(List.of(ALL_TOPICS));
        choices.addAll(next.topics());
        if (!topics.equals(choices)) {
            topics.setAll(choices);
        }
        topic.set(next.topic() == null ? ALL_TOPICS : next.topic());
        problem.set("");
    }

    /** Records why the database could not be read; reported once, not on every periodic attempt that fails the same way. */
    public void unavailable(Throwable failure) {
        String message = Problem.of(failure).message();
        if (!Objects.equals(message, problem.get())) {
            problem.set(message);
            errors.accept(failure);
        }
    }

    private static String emptyMessage(DashboardReading reading) {
        if (reading.job() == null) {
            return "No jobs yet: add one on the Jobs screen, then start kaf-mirror run (or the demo).";
        }
        if (!reading.points().isEmpty()) {
            return "";
        }
        String when = reading.partitions().isEmpty() ? "yet" : "in the " + reading.range().toString().toLowerCase(Locale.ROOT);
        String of = reading.topic() == null ? reading.job() : reading.topic() + " of " + reading.job();
        return "No samples of " + of + " " + when + ": is kaf-mirror run or the demo running?";
    }
}
