package io.kafmirror.ui.restore;

import io.kafmirror.engine.state.RestoreRecord;
import io.kafmirror.ui.Background;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Restore screen's history: every restore of the state database, newest first, as {@code kaf-mirror restore status}
 * lists them, and Verify again on a finished one, as {@code kaf-mirror restore verify ID} runs it. Use on the FX thread.
 */
public final class RestoreHistoryModel {

    private final StoredBackups backups;
    private final ClusterRestore restore;
    private final Background reads;
    private final Background runs;
    private final Consumer<Throwable> errors;
    private final ObservableList<RestoreHistoryRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<RestoreHistoryRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper verifying = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final BooleanBinding canVerify;
    private final BooleanBinding resumable;
    private final Clock clock;

    /**
     * The history read by {@code backups} on {@code reads}, verified again by {@code restore} on {@code runs}, failures
     * to {@code errors}; {@code clock} tells a running restore from a silent one.
     */
    public RestoreHistoryModel(StoredBackups backups, ClusterRestore restore, Background reads, Background runs,
                               Consumer<Throwable> errors, Clock clock) {
        this.clock = clock;
        this.backups = backups;
        this.restore = restore;
        this.reads = reads;
        this.runs = runs;
        this.errors = errors;
        selected.addListener((o, before, after) -> details.set(after == null ? "" : after.details()));
        canVerify = Bindings.createBooleanBinding(() -> !verifying.get() && selected.get() != null
                && selected.get().verifiable(), verifying, selected);
        resumable = Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().resumable(), selected);
    }

    /** The restores, newest first. */
    public ObservableList<RestoreHistoryRow> rows() {
        return rows;
    }

    /** The restore the operator selected; null for none. */
    public ObjectProperty<RestoreHistoryRow> selectedProperty() {
        return selected;
    }

    /** What the columns leave out of the selected restore; empty when none is selected. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** Whether a verification runs. */
    public ReadOnlyBooleanProperty verifyingProperty() {
        return verifying.getReadOnlyProperty();
    }

    /** What the last Verify again is doing or found, in plain words; empty before the first. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether Verify again can be asked for: a finished restore selected, no verification running. */
    public BooleanBinding canVerifyProperty() {
        return canVerify;
    }

    /** Whether the selected restore was interrupted or failed, so Resume can continue it. */
    public BooleanBinding resumableProperty() {
        return resumable;
    }

    /** Reads the restores again, keeping the selected one selected. */
    public void load() {
        reads.run(backups::restores, this::show, errors);
    }

    /**
     * Reads the selected restore's target back and compares it with the backup off the FX thread; the result is recorded
     * with the restore and its row shows it. A failure to verify is a notification, the row unchanged.
     */
    public void verifyAgain() {
        if (!canVerify.get()) {
            return;
        }
        long id = selected.get().record().id();
        verifying.set(true);
        status.set("Verifying restore #" + id + ": reading '" + selected.get().record().spec().targetTopic()
                + "' back and comparing every record with the backup…");
        runs.run(() -> restore.verify(id), verified -> {
            verifying.set(false);
            replace(verified);
            RestoreRecord.Verification v = verified.verification();
            status.set(String.format(Locale.ROOT, "Restore #%d verified again: %s, %,d of %,d records read back in %s%s", id,
                    v.passed() ? "passed" : "FAILED", v.found(), v.expected(), RestoreWords.duration(v.duration()),
                    v.passed() ? "; every record equals the backup." : ". First difference: " + v.detail()));
        }, failure -> {
            verifying.set(false);
            status.set("Restore #" + id + " was not verified: " + failure.getMessage());
            errors.accept(failure);
        });
    }

    private void replace(RestoreRecord verified) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).record().id() == verified.id()) {
                RestoreHistoryRow row = RestoreHistoryRow.of(verified, clock.instant());
                boolean wasSelected = rows.get(i).equals(selected.get());
                rows.set(i, row);
                if (wasSelected) {
                    selected.set(row);
                }
            }
        }
    }

    private void show(List<RestoreRecord> restores) {
        Long keep = selected.get() == null ? null : selected.get().record().id();
        Instant now = clock.instant();
        rows.setAll(restores.stream().map(r -> RestoreHistoryRow.of(r, now)).toList());
        selected.set(rows.stream().filter(r -> keep != null && r.record().id() == keep).findFirst().orElse(null));
    }
}
