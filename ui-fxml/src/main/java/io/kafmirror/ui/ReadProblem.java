package io.kafmirror.ui;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Why a screen's list could not be read, shown beside the list while it lasts and reported as a notification once,
 * not on every periodic attempt that fails the same way. Use on the FX thread.
 */
public final class ReadProblem {

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final Consumer<Throwable> errors;

    /** A problem reported to {@code errors} when it first appears. */
    public ReadProblem(Consumer<Throwable> errors) {
        this.errors = errors;
    }

    /** Why the list could not be read, empty while it can. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The list could not be read because of {@code failure}. */
    public void failed(Throwable failure) {
        String text = Problem.of(failure).message();
        if (!text.equals(message.get())) {
            message.set(text);
            errors.accept(failure);
        }
    }

    /** The list was read. */
    public void cleared() {
        message.set("");
    }
}
