package io.kafmirror.ui.dashboard;

import io.kafmirror.engine.mirror.Severity;
import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A job's lag (records) above its throughput (records/s) over one time axis, with its history as vertical markers.
 * Zooms time with a mouse drag or the wheel; a new reading keeps the zoom, {@link #resetZoom()} goes back to the range.
 * Use on the FX thread.
 */
public final class JobChart {

    /** How close, in pixels, a click must be to a marker to pick its event. */
    static final double PICK_DISTANCE = 8;

    private final XYSeries lag = new XYSeries("Lag (records)", true, false);
    private final XYSeries throughput = new XYSeries("Throughput (records/s)", true, false);
    private final DateAxis time = new DateAxis();
    private final XYPlot lagPlot = subplot(lag, "records");
    private final XYPlot throughputPlot = subplot(throughput, "records/s");
    private final CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time) {
        /**
         * Time only: a drag along the chart zooms into the time dragged over, and the wheel zooms time around the
         * pointer. Were values zoomable too, a level drag would give an empty box and do nothing.
         */
        @Override
        public boolean isRangeZoomable() {
            return false;
        }
    };
    private final JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    private final ChartViewer viewer = new ChartViewer(chart);
    private final List<EventMarker> drawn = new ArrayList<>();
    private DashboardReading shown;
    /** The time range last set from a reading; the time axis differs from it once the operator zoomed. */
    private Range unzoomed;
    private ChartLook look;

    /** An empty chart. */
    public JobChart() {
        plot.setGap(8);
        plot.add(lagPlot, 1);
        plot.add(throughputPlot, 1);
        time.setLowerMargin(0);
        time.setUpperMargin(0);
        look(ChartLook.LIGHT);
    }

    /** The node to put in the scene. */
    public ChartViewer viewer() {
        return viewer;
    }

    /** Draws {@code reading}: its points, its markers and its whole range, unless zoomed into the same job and range. */
    public void show(DashboardReading reading) {
        fill(lag, reading.points().stream().map(p -> new double[] {p.at().toEpochMilli(), p.lagRecords()}).toList());
        fill(throughput, reading.points().stream().map(p -> new double[] {p.at().toEpochMilli(), p.recordsPerSecond()}).toList());
        drawn.clear();
        drawn.addAll(reading.markers());
        drawMarkers();
        boolean sameView = shown != null && Objects.equals(shown.job(), reading.job()) && shown.range() == reading.range();
        boolean zoomed = sameView && unzoomed != null && !unzoomed.equals(time.getRange());
        shown = reading;
        if (!zoomed) {
            resetZoom();
        }
    }

    /** Shows the whole range of the last reading, with value axes fitted to the data again. */
    public void resetZoom() {
        lagPlot.getRangeAxis().setAutoRange(true);
        throughputPlot.getRangeAxis().setAutoRange(true);
        if (shown != null) {
            showWholeRange();
        }
    }

    /** Paints the chart in {@code next}'s colours, when they differ from the current ones. */
    public void look(ChartLook next) {
        if (next.equals(look)) {
            return;
        }
        look = next;
        chart.setBackgroundPaint(next.background());
        chart.getLegend().setBackgroundPaint(next.background());
        chart.getLegend().setItemPaint(next.text());
        chart.getLegend().setItemLabelPadding(new RectangleInsets(2, 4, 2, 16));
        time.setLabelPaint(next.text());
        time.setTickLabelPaint(next.text());
        for (XYPlot subplot : List.of(lagPlot, throughputPlot)) {
            subplot.setBackgroundPaint(next.background());
            subplot.setDomainGridlinePaint(next.grid());
            subplot.setRangeGridlinePaint(next.grid());
            subplot.setOutlinePaint(next.grid());
            subplot.getRangeAxis().setLabelPaint(next.text());
            subplot.getRangeAxis().setTickLabelPaint(next.text());
            subplot.setNoDataMessagePaint(next.text());
        }
        lagPlot.getRenderer().setSeriesPaint(0, next.lag());
        throughputPlot.getRenderer().setSeriesPaint(0, next.throughput());
        drawMarkers();
    }

    /** The event whose marker is nearest to {@code x} (the chart's own pixels), if one is close enough to be meant. */
    public Optional<EventMarker> markerNear(double x) {
        Rectangle2D area = viewer.getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
        EventMarker nearest = null;
        double best = PICK_DISTANCE;
        for (EventMarker marker : drawn) {
            double distance = Math.abs(time.valueToJava2D(marker.at().toEpochMilli(), area, RectangleEdge.BOTTOM) - x);
            if (distance <= best) {
                best = distance;
                nearest = marker;
            }
        }
        return Optional.ofNullable(nearest);
    }

    private void showWholeRange() {
        time.setRange(shown.from().toEpochMilli(), shown.to().toEpochMilli());
        unzoomed = time.getRange();
    }

    private void drawMarkers() {
        for (XYPlot subplot : List.of(lagPlot, throughputPlot)) {
            subplot.clearDomainMarkers();
            for (EventMarker marker : drawn) {
                ValueMarker line = new ValueMarker(marker.at().toEpochMilli(), look.marker(marker.severity()),
                        new BasicStroke(marker.severity() == Severity.INFO ? 1f : 2f));
                subplot.addDomainMarker(line);
            }
        }
    }

    private static void fill(XYSeries series, List<double[]> points) {
        // One change event for the whole series, not one per point: a week of points would otherwise redraw 360 times.
        series.setNotify(false);
        series.clear();
        points.forEach(p -> series.add(p[0], p[1], false));
        series.setNotify(true);
    }

    private static XYPlot subplot(XYSeries series, String unit) {
        NumberAxis values = new NumberAxis(unit);
        values.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesStroke(0, new BasicStroke(1.5f));
        XYPlot subplot = new XYPlot(new XYSeriesCollection(series), null, values, renderer);
        subplot.setNoDataMessage("No samples in this range");
        subplot.setNoDataMessageFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        return subplot;
    }
}
