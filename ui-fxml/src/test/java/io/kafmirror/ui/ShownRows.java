package io.kafmirror.ui;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.geometry.Point2D;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Finds and clicks a table's row by the item it shows. The table recycles its row and cell nodes: when a refresh
 * replaces the items while the mouse travels, the node that showed the item may be laid out as another, empty row.
 * Aiming at the node then lands elsewhere (CI once clicked the scroll bar and selected nothing).
 */
public final class ShownRows {

    private ShownRows() {
    }

    /** The laid-out, visible row of the table {@code table} whose item {@code item} accepts, if it is shown yet. */
    @SuppressWarnings("unchecked")
    public static <T> Optional<TableRow<T>> find(FxRobot robot, String table, Predicate<T> item) {
        TableView<T> view = robot.lookup(table).queryAs(TableView.class);
        return robot.from(view).lookup(".table-row-cell").match((TableRow<T> r) -> r.isVisible() && r.getParent() != null
                && r.getParent().isVisible() && r.getIndex() >= 0 && r.getIndex() < view.getItems().size()
                && r.getItem() == view.getItems().get(r.getIndex()) && item.test(r.getItem())).tryQuery();
    }

    /** Waits up to 30 s for that row to be shown, then clicks where it is shown, not its node. */
    public static <T> void click(FxRobot robot, String table, Predicate<T> item) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> find(robot, table, item).isPresent());
        Point2D shownAt = robot.point(find(robot, table, item).orElseThrow()).query();
        robot.clickOn(shownAt);
    }
}
