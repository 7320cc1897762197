package io.kafmirror.ui.dashboard;

import io.kafmirror.engine.mirror.Severity;
import io.kafmirror.ui.Theme;
import java.awt.Color;
import javafx.application.Application;

/**
 * The chart's colours in the console's light or dark theme. JFreeChart paints with AWT colours, out of reach of the
 * theme's stylesheet, so they follow the theme here: close to AtlantaFX Primer's surfaces and accents.
 *
 * @param background the chart's and plots' background
 * @param text       axis labels, ticks and legend
 * @param grid       grid lines
 * @param lag        the lag line
 * @param throughput the throughput line
 * @param error      markers of events that may leave a hole in the backup
 * @param warning    markers of events that change how the backup goes on
 * @param info       markers of changes and of the engine following the source
 */
public record ChartLook(Color background, Color text, Color grid, Color lag, Color throughput, Color error, Color warning,
                        Color info) {

    /** Primer Light. */
    public static final ChartLook LIGHT = new ChartLook(new Color(0xffffff), new Color(0x24292f), new Color(0xd0d7de),
            new Color(0xbc4c00), new Color(0x0969da), new Color(0xcf222e), new Color(0x9a6700), new Color(0x57606a));
    /** Primer Dark. */
    public static final ChartLook DARK = new ChartLook(new Color(0x0d1117), new Color(0xc9d1d9), new Color(0x30363d),
            new Color(0xdb6d28), new Color(0x58a6ff), new Color(0xf85149), new Color(0xd29922), new Color(0x8b949e));

    /** The look of the theme the console set as the application's user-agent stylesheet; light when none is. */
    public static ChartLook current() {
        return Theme.DARK.userAgentStylesheet().equals(Application.getUserAgentStylesheet()) ? DARK : LIGHT;
    }

    /** The colour of a marker of {@code severity}. */
    public Color marker(Severity severity) {
        return switch (severity) {
            case CRITICAL -> error;
            case WARNING -> warning;
            case INFO -> info;
        };
    }
}
