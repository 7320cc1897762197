package io.kafmirror.ui.alerts;

import io.kafmirror.engine.state.Alert;
import io.kafmirror.engine.state.AlertState;
import io.kafmirror.ui.Background;
import io.kafmirror.ui.ReadProblem;
import io.kafmirror.ui.RestoreAt;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The alert list: open alerts or all of them, the selected one with its details, and which of Acknowledge, Mute and
 * Unmute apply to it. Changes go to the state database through {@link AlertsState}. Use on the FX thread.
 */
public final class AlertsViewModel {

    private final AlertsState state;
    private final Background background;
    private final Consumer<Throwable> errors;
    private final Clock clock;
    private final ObservableList<AlertRow> alerts = FXCollections.observableArrayList();
    private final ObjectProperty<AlertRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final BooleanProperty showAll = new SimpleBooleanProperty(this, "showAll");
    private final ReadProblem problem;
    private final BooleanBinding canAcknowledge = Bindings.createBooleanBinding(
            () -> selected.get() != null && selected.get().alert().state() != AlertState.ACKNOWLEDGED, selected);
    private final BooleanBinding canMute = selected.isNotNull();
    private final BooleanBinding canRestoreBefore = Bindings.createBooleanBinding(
            () -> selected.get() != null && selected.get().alert().topic() != null, selected);
    private final BooleanBinding canUnmute;
    private final StringBinding details = Bindings.createStringBinding(
            () -> selected.get() == null ? "" : selected.get().details(), selected);

    /** The alerts in {@code state}, read and changed on {@code background}, failures of changes to {@code errors}. */
    public AlertsViewModel(AlertsState state, Background background, Consumer<Throwable> errors, Clock clock) {
        this.state = state;
        this.background = background;
        this.errors = errors;
        this.clock = clock;
        this.problem = new ReadProblem(errors);
        this.canUnmute = Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().alert().mute() != null
                && selected.get().alert().mute().inForceAt(clock.instant()), selected);
        showAll.addListener((o, before, after) -> refresh());
    }

    /** The alerts shown, newest first. */
    public ObservableList<AlertRow> alerts() {
        return alerts;
    }

    /** The alert the buttons act on. */
    public ObjectProperty<AlertRow> selectedProperty() {
        return selected;
    }

    /** Whether acknowledged and muted alerts are shown too; open ones only when false. */
    public BooleanProperty showAllProperty() {
        return showAll;
    }

    /** Why the list could not be read, empty while it can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.messageProperty();
    }

    /** Everything about the selected alert, empty when none is. */
    public StringBinding details() {
        return details;
    }

    /** An alert nobody acknowledged yet is selected. */
    public BooleanBinding canAcknowledge() {
        return canAcknowledge;
    }

    /** Any alert is selected: its job's alerts of its type on its topic can be muted. */
    public BooleanBinding canMute() {
        return canMute;
    }

    /** An alert on a topic is selected: its backup can be restored to the millisecond before it. */
    public BooleanBinding canRestoreBefore() {
        return canRestoreBefore;
    }

    /** Where the Restore screen opens for the selected alert: its topic, the millisecond before it; empty without one. */
    public Optional<RestoreAt> restoreBefore() {
        AlertRow row = selected.get();
        return row == null || row.alert().topic() == null ? Optional.empty()
                : Optional.of(new RestoreAt(row.alert().job(), row.alert().topic(), row.alert().restorePoint()));
    }

    /** A muted alert is selected whose mute is still in force. */
    public BooleanBinding canUnmute() {
        return canUnmute;
    }

    /** Reads the alerts again now, e.g. after a change. */
    public void refresh() {
        background.run(reading(), this::show, this::unavailable);
    }

    /** The work of reading the alerts as the filter now stands, to run off the FX thread, e.g. periodically. */
    public Callable<List<Alert>> reading() {
        boolean all = showAll.get();
        return () -> state.list(all);
    }

    /** Shows {@code list}, keeping the selection on the alert of the same id while it is listed. */
    public void show(List<Alert> list) {
        Long keep = selected.get() == null ? null : selected.get().alert().id();
        List<AlertRow> rows = list.stream().map(a -> new AlertRow(a, clock.getZone())).toList();
        alerts.setAll(rows);
        selected.set(rows.stream().filter(r -> keep != null && r.alert().id() == keep).findFirst().orElse(null));
        problem.cleared();
    }

    /** Records why the list could not be read; reported once, not on every periodic attempt that fails the same way. */
    public void unavailable(Throwable failure) {
        problem.failed(failure);
    }

    /** Acknowledges the selected alert with {@code comment} (blank for none), as {@code kaf-mirror alerts ack}. */
    public void acknowledge(String comment) {
        change(alert -> state.acknowledge(alert.id(), comment));
    }

    /** Mutes the selected alert's job, type and topic for {@code duration}, or until unmuted when {@code null}. */
    public void mute(Duration duration) {
        change(alert -> state.mute(alert, duration));
    }

    /** Ends the mute that covers the selected alert, as {@code kaf-mirror alerts unmute}. */
    public void unmute() {
        change(alert -> {
            state.unmute(alert.mute());
            return null;
        });
    }

    private void change(Action action) {
        AlertRow row = selected.get();
        if (row == null) {
            return;
        }
        boolean all = showAll.get();
        Callable<List<Alert>> work = () -> {
            action.on(row.alert());
            return state.list(all);
        };
        background.run(work, this::show, errors);
    }

    /** A change to one alert, run off the FX thread. */
    private interface Action {
        Object on(Alert alert);
    }
}
