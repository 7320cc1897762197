package io.kafmirror.ui;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;

/** Fills the screens' read-only table columns. */
public final class TableColumns {

    private TableColumns() {
    }

    /** Shows in {@code column} the text {@code text} gives for each row; rows are replaced, never edited, so it is fixed. */
    public static <R> void text(TableColumn<R, String> column, Function<R, String> text) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue())));
    }
}
