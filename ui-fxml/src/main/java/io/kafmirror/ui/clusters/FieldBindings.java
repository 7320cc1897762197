package io.kafmirror.ui.clusters;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.Property;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;

/**
 * The links between a form's controls and the form shown in them; {@link #show} moves every link to another
 * form of the same kind, so one set of controls serves every entry.
 *
 * @param <F> the kind of form
 */
final class FieldBindings<F> {

    /** Set on a note label while its note is a problem; ClustersView.css colours it. */
    static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final List<Consumer<F>> binders = new ArrayList<>();
    private final List<Consumer<F>> unbinders = new ArrayList<>();
    private F shown;

    /** Keeps {@code control} and the form's {@code field} equal both ways. */
    <T> void link(Property<T> control, Function<F, Property<T>> field) {
        binders.add(form -> control.bindBidirectional(field.apply(form)));
        unbinders.add(form -> control.unbindBidirectional(field.apply(form)));
    }

    /** Shows the form's note {@code key} in {@code label}, styled as a problem or a remark. */
    void note(Label label, Function<F, ObservableValue<FieldNote>> note) {
        ChangeListener<FieldNote> styler = (o, was, now) -> label.pseudoClassStateChanged(ERROR, now.isError());
        label.getStyleClass().add("field-note");
        label.managedProperty().bind(label.visibleProperty());
        binders.add(form -> {
            ObservableValue<FieldNote> value = note.apply(form);
            label.textProperty().bind(Bindings.createStringBinding(() -> value.getValue().text(), value));
            label.visibleProperty().bind(Bindings.createBooleanBinding(() -> !value.getValue().text().isEmpty(), value));
            label.pseudoClassStateChanged(ERROR, value.getValue().isError());
            value.addListener(styler);
        });
        unbinders.add(form -> {
            label.textProperty().unbind();
            label.visibleProperty().unbind();
            note.apply(form).removeListener(styler);
        });
    }

    /** Moves every link to {@code form}; {@code null} unlinks. */
    void show(F form) {
        if (shown != null) {
            unbinders.forEach(unbind -> unbind.accept(shown));
        }
        shown = form;
        if (form != null) {
            binders.forEach(bind -> bind.accept(form));
        }
    }
}
