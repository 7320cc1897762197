package io.kafmirror.ui.restore;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * The backup of a topic over time: its record density as a histogram, the engine's events as markers and the restore
 * point as a cursor. It only renders and reports: a press or drag, or an arrow key (one second, with Shift one minute),
 * tells {@link #setOnPick} the instant asked for; the owner decides the point and sets {@link #pointProperty()}.
 */
public final class RestoreTimeline extends Region {

    /** Space left and right of the plot, so the cursor's handle stays visible at either end. */
    static final double MARGIN = 10;
    private static final double AXIS = 18;
    private static final Duration KEY_STEP = Duration.ofSeconds(1);
    private static final Duration SHIFT_KEY_STEP = Duration.ofMinutes(1);

    private final Canvas canvas = new Canvas();
    private final ObjectProperty<BackupTimeline> timeline = new SimpleObjectProperty<>();
    private final ObjectProperty<Instant> point = new SimpleObjectProperty<>();
    private Consumer<Instant> onPick = at -> { };

    /** An empty timeline. */
    public RestoreTimeline() {
        getStyleClass().add("restore-timeline");
        getChildren().add(canvas);
        setFocusTraversable(true);
        setMinHeight(110);
        setPrefHeight(150);
        timeline.addListener(o -> draw());
        point.addListener(o -> draw());
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
    }

    /** What is shown; null for nothing. */
    public ObjectProperty<BackupTimeline> timelineProperty() {
        return timeline;
    }

    /** Where the cursor is; null for none. */
    public ObjectProperty<Instant> pointProperty() {
        return point;
    }

    /** Who is told the instant the operator points at. */
    public void setOnPick(Consumer<Instant> onPick) {
        this.onPick = onPick;
    }

    /** The instant under {@code x}, a position in this control, to the millisecond; null while nothing is shown. */
    public Instant instantAt(double x) {
        BackupTimeline shown = timeline.get();
        if (shown == null) {
            return null;
        }
        long start = shown.density().start().toEpochMilli();
        long span = shown.density().end().toEpochMilli() - start;
        double fraction = Math.max(0, Math.min(1, (x - MARGIN) / plotWidth()));
        return Instant.ofEpochMilli(start + Math.round(fraction * span));
    }

    /** The position of {@code at} in this control. */
    public double xOf(Instant at) {
        BackupTimeline shown = timeline.get();
        long start = shown.density().start().toEpochMilli();
        long span = Math.max(1, shown.density().end().toEpochMilli() - start);
        return MARGIN + plotWidth() * (at.toEpochMilli() - start) / span;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private double plotWidth() {
        return Math.max(1, getWidth() - 2 * MARGIN);
    }

    private void dragged(MouseEvent e) {
        requestFocus();
        Instant at = instantAt(e.getX());
        if (at != null) {
            onPick.accept(at);
        }
        e.consume();
    }

    private void key(KeyEvent e) {
        Duration step = e.isShiftDown() ? SHIFT_KEY_STEP : KEY_STEP;
        if (point.get() != null && (e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.RIGHT)) {
            onPick.accept(e.getCode() == KeyCode.LEFT ? point.get().minus(step) : point.get().plus(step));
            e.consume();
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.clearRect(0, 0, w, h);
        BackupTimeline shown = timeline.get();
        if (shown == null || w <= 2 * MARGIN) {
            return;
        }
        double plotHeight = h - AXIS;
        drawHistogram(g, shown.density(), plotHeight);
        g.setStroke(Color.web("#d97706"));
        g.setLineWidth(1.5);
        for (TimelineEvent event : shown.events()) {
            if (!shown.covers(event.at())) {
                continue;
            }
            double x = xOf(event.at());
            g.strokeLine(x, 0, x, plotHeight);
            g.setFill(Color.web("#d97706"));
            g.fillPolygon(new double[] {x - 5, x + 5, x}, new double[] {0, 0, 8}, 3);
        }
        g.setFill(Color.GRAY);
        g.setFont(Font.font(11));
        g.fillText(PointText.format(shown.density().start()), MARGIN, h - 4);
        String end = PointText.format(shown.density().end());
        g.fillText(end, w - MARGIN - 7 * end.length(), h - 4);
        if (point.get() != null) {
            double x = xOf(point.get());
            g.setStroke(Color.web("#2563eb"));
            g.setLineWidth(2);
            g.strokeLine(x, 0, x, plotHeight);
            g.setFill(Color.web("#2563eb"));
            g.fillOval(x - 6, plotHeight - 6, 12, 12);
        }
    }

    private void drawHistogram(GraphicsContext g, RecordDensity density, double plotHeight) {
        long max = Math.max(1, density.max());
        double bar = plotWidth() / density.buckets();
        g.setFill(Color.web("#64748b", 0.55));
        for (int i = 0; i < density.buckets(); i++) {
            double height = (plotHeight - 10) * density.count(i) / max;
            g.fillRect(MARGIN + i * bar, plotHeight - height, Math.max(1, bar), height);
        }
        g.setStroke(Color.web("#94a3b8"));
        g.setLineWidth(1);
        g.strokeLine(MARGIN, plotHeight, MARGIN + plotWidth(), plotHeight);
    }
}
