package io.kafmirror.ui;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/** Fills the screens' read-only table columns. */
public final class TableColumns {

    private TableColumns() {
    }

    /** Shows in {@code column} the text {@code text} gives for each row; rows are replaced, never edited, so it is fixed. */
    public static <R> void text(TableColumn<R, String> column, Function<R, String> text) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue())));
    }

    /** As {@link #text}, each cell also carrying the style class {@code style} gives for its row, e.g. to colour a severity. */
    public static <R> void styledText(TableColumn<R, String> column, Function<R, String> text, Function<R, String> style) {
        text(column, text);
        column.setCellFactory(c -> new TableCell<>() {
            private String applied;

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove(applied);
                R row = empty || getTableRow() == null ? null : getTableRow().getItem();
                applied = row == null ? null : style.apply(row);
                setText(row == null ? null : item);
                if (applied != null) {
                    getStyleClass().add(applied);
                }
            }
        });
    }
}
