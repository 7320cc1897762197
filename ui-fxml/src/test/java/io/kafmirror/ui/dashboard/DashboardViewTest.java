package io.kafmirror.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.kafmirror.ui.ConsoleContext;
import io.kafmirror.ui.Notifications;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Dashboard rendered headless over a real H2 file holding an hour of a job's samples and a gap. */
class DashboardViewTest {

    @TempDir
    Path data;

    final FxRobot robot = new FxRobot();
    final Notifications notifications = new Notifications();
    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void chartsTheJobsTotalsMarksItsGapShowsTheGapsMessageAndListsItsPartitions() throws Exception {
        SampledJob.write(data, now);
        ConsoleContext context = new ConsoleContext(data.resolve("config.yml"), data, notifications);
        FxToolkit.setupStage(stage -> {
            FXMLLoader loader = new FXMLLoader(DashboardController.class.getResource("/io/kafmirror/ui/dashboard/DashboardView.fxml"));
            loader.setControllerFactory(type -> new DashboardController(context));
            Parent view;
            try {
                view = loader.load();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            stage.setScene(new Scene(new StackPane(view, notifications.layer()), 1200, 760));
            stage.show();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lag().getItemCount(0) > 0);
        WaitForAsyncUtils.waitForFxEvents();

        XYDataset lag = lag();
        int last = lag.getItemCount(0) - 1;
        assertThat(last + 1).isEqualTo(SampledJob.SAMPLES);
        assertThat(lag.getXValue(0, last)).isEqualTo(now.toEpochMilli());
        assertThat(lag.getYValue(0, last)).as("both partitions' lag").isEqualTo(100 + SampledJob.SAMPLES);
        assertThat(lag.getYValue(0, 0)).isEqualTo(100 + 1);
        XYDataset throughput = subplots().get(1).getDataset();
        assertThat(throughput.getYValue(0, last)).isEqualTo(30.0);
        assertThat(markerTimes(subplots().get(0))).contains((double) SampledJob.gapAt(now).toEpochMilli());
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
        robot.clickOn(runStartedOnTheChart());
        assertThat(details()).as("a click on the chart at the run's start picks its event").contains("RUN_STARTED", "mirroring started");
        assertThat(robot.lookup(".notification").tryQuery()).as("no failure reported").isEmpty();
    }

    private Point2D runStartedOnTheChart() {
        ChartViewer viewer = viewer();
        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) viewer.getChart().getPlot();
        Rectangle2D area = viewer.getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
        double x = plot.getDomainAxis().valueToJava2D(SampledJob.runStarted(now).toEpochMilli(), area, RectangleEdge.BOTTOM);
        Bounds screen = viewer.getCanvas().localToScreen(viewer.getCanvas().getBoundsInLocal());
        return new Point2D(screen.getMinX() + x + 2, screen.getMinY() + area.getCenterY());
    }

    private XYDataset lag() {
        return subplots().get(0).getDataset();
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
