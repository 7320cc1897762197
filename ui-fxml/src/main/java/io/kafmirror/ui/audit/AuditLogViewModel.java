package io.kafmirror.ui.audit;

import io.kafmirror.engine.audit.AuditAnchoring;
import io.kafmirror.engine.state.AuditEntry;
import io.kafmirror.engine.state.AuditFinding;
import io.kafmirror.engine.state.AuditVerification;
import io.kafmirror.ui.Background;
import io.kafmirror.ui.ReadProblem;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Audit log screen, read-only: the entries newest first, the selected one in full, and Verify, which checks the
 * chain and its anchors as {@code kaf-mirror audit verify} does and says what it found. Use on the FX thread.
 */
public final class AuditLogViewModel {

    private final AuditLogState state;
    private final Background background;
    private final Consumer<Throwable> errors;
    private final ZoneId zone;
    private final ObservableList<AuditRow> entries = FXCollections.observableArrayList();
    private final ObjectProperty<AuditRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper verification = new ReadOnlyStringWrapper(this, "verification", "");
    private final ReadOnlyBooleanWrapper broken = new ReadOnlyBooleanWrapper(this, "broken");
    private final ReadOnlyBooleanWrapper verifying = new ReadOnlyBooleanWrapper(this, "verifying");
    private final ReadProblem problem;
    private final StringBinding details = Bindings.createStringBinding(
            () -> selected.get() == null ? "" : selected.get().details(), selected);

    /** The audit log in {@code state}, read and verified on {@code background}, a failed verification to {@code errors}. */
    public AuditLogViewModel(AuditLogState state, Background background, Consumer<Throwable> errors, ZoneId zone) {
        this.state = state;
        this.background = background;
        this.errors = errors;
        this.zone = zone;
        this.problem = new ReadProblem(errors);
    }

    /** The entries shown, newest first. */
    public ObservableList<AuditRow> entries() {
        return entries;
    }

    /** The entry shown in full. */
    public ObjectProperty<AuditRow> selectedProperty() {
        return selected;
    }

    /** Everything about the selected entry, empty when none is. */
    public StringBinding details() {
        return details;
    }

    /** What the last Verify found, empty before the first. */
    public ReadOnlyStringProperty verificationProperty() {
        return verification.getReadOnlyProperty();
    }

    /** Whether the last Verify found a break. */
    public ReadOnlyBooleanProperty brokenProperty() {
        return broken.getReadOnlyProperty();
    }

    /** Whether a Verify is running. */
    public ReadOnlyBooleanProperty verifyingProperty() {
        return verifying.getReadOnlyProperty();
    }

    /** Why the log could not be read, empty while it can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.messageProperty();
    }

    /** Reads the log again now. */
    public void refresh() {
        background.run(reading(), this::show, this::unavailable);
    }

    /** The work of reading the log, to run off the FX thread, e.g. periodically. */
    public Callable<List<AuditEntry>> reading() {
        return state::newestFirst;
    }

    /** Shows {@code list}, keeping the selection on the entry of the same sequence number. */
    public void show(List<AuditEntry> list) {
        Long keep = selected.get() == null ? null : selected.get().entry().seq();
        List<AuditRow> rows = list.stream().map(e -> new AuditRow(e, zone)).toList();
        entries.setAll(rows);
        selected.set(rows.stream().filter(r -> keep != null && r.entry().seq() == keep).findFirst().orElse(null));
        problem.cleared();
    }

    /** Records why the log could not be read; reported once, not on every periodic attempt that fails the same way. */
    public void unavailable(Throwable failure) {
        problem.failed(failure);
    }

    /** Checks the chain, its head and the anchors in the configured stores, off the FX thread. */
    public void verify() {
        verifying.set(true);
        background.run(state::verify, this::verified, failure -> {
            verifying.set(false);
            errors.accept(failure);
        });
    }

    private void verified(AuditAnchoring.Checked checked) {
        verifying.set(false);
        AuditVerification v = checked.verification();
        String anchors = checked.stores().isEmpty() ? "no anchors checked (no store configured)"
                : v.anchorsChecked() + " anchor(s) checked in " + String.join(", ", checked.stores());
        String head = v.entries() + " entries, " + anchors + ". ";
        broken.set(!v.intact());
        verification.set(v.intact() ? head + "The audit log is intact."
                : head + v.findings().size() + " break(s): " + v.findings().stream().map(AuditFinding::message)
                .collect(Collectors.joining("; ")) + ".");
    }
}
