package io.kafmirror.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.ui.ConsoleContext;
import io.kafmirror.ui.Notifications;
import io.kafmirror.ui.Screen;
import io.kafmirror.ui.ScreenStage;
import io.kafmirror.ui.Theme;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Dashboard rendered headless over a real H2 file: an hour of a job's samples and a gap, its zoom; its theme, an empty database. */
@ExtendWith(ScreenStage.class)
class DashboardViewTest {

    @TempDir
    Path data;

    final FxRobot robot = new FxRobot();
    final Notifications notifications = new Notifications();
    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void chartsTheJobsTotalsMarksItsGapShowsTheGapsMessageListsItsPartitionsAndKeepsTheZoom() throws Exception {
        SampledJob.write(data, now);
        show(new ConsoleContext(data.resolve("config.yml"), data, notifications));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !fx(() -> points(0)).isEmpty());

        List<Point2D> lag = fx(() -> points(0));
        assertThat(lag).hasSize(SampledJob.SAMPLES);
        assertThat(lag.get(0)).as("both partitions' lag").isEqualTo(new Point2D(lag.get(0).getX(), 100 + 1));
        assertThat(lag.get(lag.size() - 1)).isEqualTo(new Point2D(now.toEpochMilli(), 100 + SampledJob.SAMPLES));
        assertThat(fx(() -> points(1))).extracting(Point2D::getY).containsOnly(30.0);
        assertThat(fx(() -> markerTimes(subplots().get(0)))).contains((double) SampledJob.gapAt(now).toEpochMilli());
        assertThat(robot.lookup("#emptyChart").query().isVisible()).isFalse();

        @SuppressWarnings("unchecked")
        TableView<PartitionRow> partitions = robot.lookup("#partitionsTable").queryAs(TableView.class);
        assertThat(partitions.getItems()).extracting(PartitionRow::lagRecordsText).containsExactly("100", "120");
        assertThat(robot.lookup("NOT_LEADER_OR_FOLLOWER: retrying").tryQuery()).as("the error cell is shown").isPresent();

        robot.clickOn(robot.lookup((ListCell<?> c) -> c.getText() != null && c.getText().contains("GAP")).queryAs(ListCell.class));
        assertThat(details()).contains("GAP · orders.eu-1", SampledJob.GAP_MESSAGE);

        @SuppressWarnings("unchecked")
        ListView<EventMarker> events = robot.lookup("#eventList").queryAs(ListView.class);
        robot.interact(() -> events.getSelectionModel().clearSelection());
        robot.clickOn(fx(this::runStartedOnTheChart));
        assertThat(details()).as("a click on the chart at the run's start picks its event").contains("RUN_STARTED", "mirroring started");

        Range whole = fx(() -> time().getRange());
        robot.drag(fx(() -> onTheChartAt(0.25))).dropTo(fx(() -> onTheChartAt(0.5)));
        Range zoomed = fx(() -> time().getRange());
        assertThat(zoomed.getLength()).as("a drag zooms into the dragged quarter").isLessThan(whole.getLength() / 2);
        Thread.sleep((long) DashboardController.REFRESH_EVERY.toMillis() + 1000);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> time().getRange())).as("the next reading keeps the zoom").isEqualTo(zoomed);
        robot.clickOn("#resetZoomButton");
        assertThat(fx(() -> time().getRange()).getLength()).isEqualTo(Duration.ofHours(1).toMillis());
        assertThat(robot.lookup(".notification").tryQuery()).as("no failure reported").isEmpty();
    }

    @Test
    void theChartFollowsTheThemeAtOnceAndAnEmptyDatabaseSaysWhy() throws Exception {
        String before = Application.getUserAgentStylesheet();
        try {
            robot.interact(() -> Application.setUserAgentStylesheet(Theme.LIGHT.userAgentStylesheet()));
            show(new ConsoleContext(data.resolve("config.yml"), data, notifications));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#emptyChart").queryLabeled().getText().startsWith("No jobs"));
            assertThat(fx(() -> viewer().getChart().getBackgroundPaint())).isEqualTo(ChartLook.LIGHT.background());

            robot.interact(() -> Application.setUserAgentStylesheet(Theme.DARK.userAgentStylesheet()));
            WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> ChartLook.DARK.background().equals(fx(() -> viewer().getChart().getBackgroundPaint())));
            assertThat(robot.lookup("#emptyChart").query().isVisible()).isTrue();
        } finally {
            robot.interact(() -> Application.setUserAgentStylesheet(before));
        }
    }

    private void show(ConsoleContext context) throws Exception {
        ScreenStage.show(Screen.DASHBOARD, context);
    }

    /** Reads the chart on the FX thread, where a redraw rebuilds its layout and a reading refills its series. */
    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }

    private Point2D onTheChartAt(double fraction) {
        Rectangle2D area = viewer().getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
        return onTheChart(area.getMinX() + fraction * area.getWidth(), inTheLagPlot(area));
    }

    /** Half-way down the upper subplot: the middle of the chart is the gap between the two, where a drag does not zoom. */
    private static double inTheLagPlot(Rectangle2D area) {
        return area.getMinY() + area.getHeight() / 4;
    }

    private Point2D onTheChart(double x, double y) {
        Bounds screen = viewer().getCanvas().localToScreen(viewer().getCanvas().getBoundsInLocal());
        return new Point2D(screen.getMinX() + x, screen.getMinY() + y);
    }

    private ValueAxis time() {
        return ((CombinedDomainXYPlot) viewer().getChart().getPlot()).getDomainAxis();
    }

    private Point2D runStartedOnTheChart() {
        Rectangle2D area = viewer().getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
        double x = time().valueToJava2D(SampledJob.runStarted(now).toEpochMilli(), area, RectangleEdge.BOTTOM);
        return onTheChart(x + 2, inTheLagPlot(area));
    }

    /** The points of subplot {@code index}: 0 lag, 1 throughput. */
    private List<Point2D> points(int index) {
        XYDataset dataset = subplots().get(index).getDataset();
        return IntStream.range(0, dataset.getItemCount(0))
                .mapToObj(i -> new Point2D(dataset.getXValue(0, i), dataset.getYValue(0, i))).toList();
    }

    private ChartViewer viewer() {
        return robot.lookup((ChartViewer v) -> true).queryAs(ChartViewer.class);
    }

    @SuppressWarnings("unchecked")
    private List<XYPlot> subplots() {
        return ((CombinedDomainXYPlot) viewer().getChart().getPlot()).getSubplots();
    }

    private static List<Double> markerTimes(XYPlot plot) {
        @SuppressWarnings("unchecked")
        Collection<Marker> markers = plot.getDomainMarkers(Layer.FOREGROUND);
        return markers.stream().map(m -> ((ValueMarker) m).getValue()).toList();
    }

    private String details() {
        return robot.lookup("#eventDetails").queryAs(TextArea.class).getText();
    }
}
