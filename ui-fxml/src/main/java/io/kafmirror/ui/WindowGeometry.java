package io.kafmirror.ui;

import javafx.geometry.Rectangle2D;
import java.util.List;

/**
 * Where the main window is: its bounds when not maximized, and whether it is maximized.
 *
 * @param x         left edge in screen coordinates
 * @param y         top edge in screen coordinates
 * @param width     width, at least {@link #MIN_WIDTH}
 * @param height    height, at least {@link #MIN_HEIGHT}
 * @param maximized whether the window fills its screen
 */
public record WindowGeometry(double x, double y, double width, double height, boolean maximized) {

    /** Narrowest window that still shows the navigation and a usable content area. */
    public static final double MIN_WIDTH = 720;
    /** Lowest window that still shows the navigation and a usable content area. */
    public static final double MIN_HEIGHT = 480;

    private static final double DEFAULT_WIDTH = 1280;
    private static final double DEFAULT_HEIGHT = 800;

    /** Keeps the size at least the minimum. */
    public WindowGeometry {
        width = Math.max(MIN_WIDTH, width);
        height = Math.max(MIN_HEIGHT, height);
    }

    /** A first-start window: 1280×800 (or the screen, if smaller) centred on {@code screen}. */
    public static WindowGeometry centredOn(Rectangle2D screen) {
        double w = Math.min(DEFAULT_WIDTH, screen.getWidth());
        double h = Math.min(DEFAULT_HEIGHT, screen.getHeight());
        return new WindowGeometry(screen.getMinX() + (screen.getWidth() - w) / 2,
                screen.getMinY() + (screen.getHeight() - h) / 2, w, h, false);
    }

    /** The same window at other bounds. */
    public WindowGeometry withBounds(double newX, double newY, double newWidth, double newHeight) {
        return new WindowGeometry(newX, newY, newWidth, newHeight, maximized);
    }

    /** The same bounds, maximized or not. */
    public WindowGeometry withMaximized(boolean newMaximized) {
        return new WindowGeometry(x, y, width, height, newMaximized);
    }

    /**
     * This window moved entirely onto the screen it overlaps most (the first of {@code screens}, the primary,
     * when it overlaps none, as after a monitor was unplugged), shrunk to fit if needed.
     *
     * @param screens the visual bounds of the screens, primary first; at least one
     */
    public WindowGeometry clampTo(List<Rectangle2D> screens) {
        Rectangle2D target = screens.get(0);
        double bestOverlap = 0;
        for (Rectangle2D screen : screens) {
            double overlap = overlap(screen);
            if (overlap > bestOverlap) {
                bestOverlap = overlap;
                target = screen;
            }
        }
        double w = Math.min(width, target.getWidth());
        double h = Math.min(height, target.getHeight());
        double newX = Math.max(target.getMinX(), Math.min(x, target.getMaxX() - w));
        double newY = Math.max(target.getMinY(), Math.min(y, target.getMaxY() - h));
        // The record's minimum size may exceed a tiny screen; the bounds then start at its corner.
        return new WindowGeometry(newX, newY, w, h, maximized);
    }

    private double overlap(Rectangle2D screen) {
        double w = Math.min(x + width, screen.getMaxX()) - Math.max(x, screen.getMinX());
        double h = Math.min(y + height, screen.getMaxY()) - Math.max(y, screen.getMinY());
        return w > 0 && h > 0 ? w * h : 0;
    }
}
