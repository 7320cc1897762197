package io.kafmirror.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One part of the status bar: a few words, the explanation behind its tooltip, and whether it needs attention. */
public final class StatusItem {

    private final ReadOnlyStringWrapper text;
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
    private final ReadOnlyBooleanWrapper attention = new ReadOnlyBooleanWrapper(this, "attention");

    StatusItem(String initialText) {
        text = new ReadOnlyStringWrapper(this, "text", initialText);
    }

    /** The few words shown in the bar. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The explanation, one fact per line. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** Whether the operator should act on it. */
    public ReadOnlyBooleanProperty attentionProperty() {
        return attention.getReadOnlyProperty();
    }

    void set(String newText, String newDetails, boolean needsAttention) {
        text.set(newText);
        details.set(newDetails);
        attention.set(needsAttention);
    }
}
