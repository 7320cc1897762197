package io.kafmirror.ui.clusters;

import java.util.function.Function;
import javafx.util.StringConverter;

/** Shows the values of a choice box in words; nothing is read back, as choices are picked, not typed. */
final class ChoiceNames<T> extends StringConverter<T> {

    private final String noChoice;
    private final Function<T, String> text;

    /** Shows {@code noChoice} for {@code null} (a combo box asks for it before a value is set), else {@code text}. */
    ChoiceNames(String noChoice, Function<T, String> text) {
        this.noChoice = noChoice;
        this.text = text;
    }

    @Override
    public String toString(T value) {
        return value == null ? noChoice : text.apply(value);
    }

    @Override
    public T fromString(String string) {
        throw new UnsupportedOperationException("choices are picked, not typed");
    }
}
