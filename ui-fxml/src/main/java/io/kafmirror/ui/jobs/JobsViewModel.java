package io.kafmirror.ui.jobs;

import io.kafmirror.engine.state.DesiredState;
import io.kafmirror.ui.Background;
import io.kafmirror.ui.ReadProblem;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The job list: the jobs with their lag and throughput, the selected one, and which of Start, Pause, Resume and
 * Remove apply to it. Changes go to the state database through {@link JobsState}; a running engine follows them.
 * Use on the FX thread.
 */
public final class JobsViewModel {

    private final JobsState state;
    private final Background background;
    private final Consumer<Throwable> errors;
    private final ObservableList<JobRow> jobs = FXCollections.observableArrayList();
    private final ObjectProperty<JobRow> selected = new SimpleObjectProperty<>();
    private final ReadProblem problem;
    private final BooleanBinding canStart = inState(DesiredState.STOPPED);
    private final BooleanBinding canPause = inState(DesiredState.RUNNING);
    private final BooleanBinding canResume = inState(DesiredState.PAUSED);
    private final BooleanBinding canRemove = selected.isNotNull();

    /** The list of the jobs in {@code state}, read and changed on {@code background}, failures of changes to {@code errors}. */
    public JobsViewModel(JobsState state, Background background, Consumer<Throwable> errors) {
        this.state = state;
        this.background = background;
        this.errors = errors;
        this.problem = new ReadProblem(errors);
    }

    /** The jobs, sorted by name. */
    public ObservableList<JobRow> jobs() {
        return jobs;
    }

    /** The job the buttons act on. */
    public ObjectProperty<JobRow> selectedProperty() {
        return selected;
    }

    /** Why the list could not be read, empty while it can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.messageProperty();
    }

    /** A stopped job is selected. */
    public BooleanBinding canStart() {
        return canStart;
    }

    /** A running job is selected. */
    public BooleanBinding canPause() {
        return canPause;
    }

    /** A paused job is selected. */
    public BooleanBinding canResume() {
        return canResume;
    }

    /** Any job is selected. */
    public BooleanBinding canRemove() {
        return canRemove;
    }

    /** Reads the jobs again now, e.g. after a change. */
    public void refresh() {
        background.run(state::rows, this::show, this::unavailable);
    }

    /** Shows {@code rows}, keeping the selection on the job of the same name. */
    public void show(List<JobRow> rows) {
        String keep = selected.get() == null ? null : selected.get().name();
        jobs.setAll(rows);
        selected.set(rows.stream().filter(r -> r.name().equals(keep)).findFirst().orElse(null));
        problem.cleared();
    }

    /** Records why the list could not be read; reported once, not on every periodic attempt that fails the same way. */
    public void unavailable(Throwable failure) {
        problem.failed(failure);
    }

    /** Starts the selected stopped job. */
    public void start() {
        change(DesiredState.RUNNING);
    }

    /** Pauses the selected job, as {@code kaf-mirror jobs pause}. */
    public void pause() {
        change(DesiredState.PAUSED);
    }

    /** Resumes the selected job, as {@code kaf-mirror jobs resume}. */
    public void resume() {
        change(DesiredState.RUNNING);
    }

    /** Removes the selected job, as {@code kaf-mirror jobs remove}: its segments and history stay. */
    public void remove() {
        JobRow job = selected.get();
        if (job != null) {
            background.run(() -> {
                state.remove(job.name());
                return state.rows();
            }, this::show, errors);
        }
    }

    private void change(DesiredState desired) {
        JobRow job = selected.get();
        if (job != null) {
            background.run(() -> {
                state.setDesiredState(job.name(), desired);
                return state.rows();
            }, this::show, errors);
        }
    }

    private BooleanBinding inState(DesiredState desired) {
        return Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().state() == desired, selected);
    }
}
