package io.kafmirror.app.demo;

import io.kafmirror.app.cli.ConsoleCommand;
import io.kafmirror.app.cli.StopSignal;
import io.kafmirror.ui.ConsoleAction;
import io.kafmirror.ui.ConsoleSettings;
import io.kafmirror.ui.Screen;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kaf-mirror demo [--dir DIR] [--headless]}: the {@link Demo} on loopback until SIGTERM or Ctrl-C. Stdout's first
 * line says it is ready and where everything is; the console opens on it (unless headless or without a display), and
 * a status line follows every 10 s.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start a demo on this machine only: a Kafka broker with orders, payments and audit traffic, a local"
                + " store and a running backup job, until SIGTERM or Ctrl-C.",
            "A second start on the same folder carries on with its data. Nothing leaves 127.0.0.1."})
public final class DemoCommand implements Callable<Integer> {

    private static final Duration STATUS_EVERY = Duration.ofSeconds(10);
    private static final Duration BAD_DEPLOY = Duration.ofMinutes(2);
    /** Traffic before the screenshots, so the charts and tables in them show something. */
    private static final Duration SCREENSHOT_TRAFFIC = Duration.ofMinutes(1);
    /** For the screenshots, a short bad deploy this long before they are taken, so the pictures show it flagged. */
    private static final Duration SCREENSHOT_BAD_DEPLOY_BEFORE = Duration.ofSeconds(30);
    private static final Duration SCREENSHOT_BAD_DEPLOY = Duration.ofSeconds(10);

    @Option(names = "--dir", paramLabel = "FOLDER",
            description = "Folder of the demo's broker, store, configuration and state. Default: demo in the data"
                    + " folder ($KAF_MIRROR_HOME or ~/.kaf-mirror).")
    Path dir;

    @Option(names = "--headless", description = "No window: status lines on stdout, for scripts and services.")
    boolean headless;

    @Option(names = "--screenshots", paramLabel = "FOLDER",
            description = "After a minute of traffic, photograph every console screen in both themes into FOLDER, then"
                    + " stop (how the README's screenshots are made; needs a display, e.g. xvfb-run).")
    Path screenshots;

    @Spec
    CommandSpec spec;

    /** The console's Demo menu item that starts a bad deploy. */
    private static ConsoleAction badDeploy(Demo demo) {
        return new ConsoleAction("Demo", "Inject a bad deploy (corrupt payments for " + BAD_DEPLOY.toMinutes() + " minutes)",
                () -> "Bad deploy of " + DemoEvents.BAD_VERSION + " started at " + demo.badDeploy(BAD_DEPLOY)
                        + ": payment events are corrupt for the next " + BAD_DEPLOY.toMinutes() + " minutes. The backup"
                        + " keeps everything from before it.");
    }

    /** Runs the traffic the screenshots show, a short bad deploy included; true if a stop came first. */
    private static boolean trafficForScreenshots(Demo demo, StopSignal stop) throws InterruptedException {
        if (stop.await(SCREENSHOT_TRAFFIC.minus(SCREENSHOT_BAD_DEPLOY_BEFORE))) {
            return true;
        }
        demo.badDeploy(SCREENSHOT_BAD_DEPLOY);
        return stop.await(SCREENSHOT_BAD_DEPLOY_BEFORE);
    }

    /** A signal while the console is open closes its window, so the demo stops as it does headless. */
    private static void closeConsoleOn(StopSignal stop) {
        Thread closer = new Thread(() -> {
            try {
                stop.await();
                Platform.exit();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "kaf-mirror-demo-console-closer");
        closer.setDaemon(true);
        closer.start();
    }

    /** Whether the console can open here; if not, says so on stderr and the demo runs headless. */
    private boolean windowPossible() {
        Optional<String> noDisplay = ConsoleCommand.missingDisplay(System.getenv(), System.getProperty("os.name", ""));
        noDisplay.ifPresent(why -> {
            spec.commandLine().getErr().println(why + " Running the demo headless.");
            spec.commandLine().getErr().flush();
        });
        return noDisplay.isEmpty();
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        boolean window = !headless && windowPossible();
        if (screenshots != null && !window) {
            throw new ParameterException(spec.commandLine(), "--screenshots needs the console's window: leave out"
                    + " --headless and run where there is a display (on a server: xvfb-run kaf-mirror demo --screenshots ...)");
        }
        StopSignal stop = StopSignal.install();
        try (Demo demo = Demo.start(dir == null ? Demo.defaultFolder() : dir)) {
            out.printf("demo ready: cluster %s, store %s, config %s%n", demo.bootstrap(), demo.storeFolder(), demo.configFile());
            out.printf("job %s backs up orders, payments and audit; 'kaf-mirror jobs status --data %s' shows it. Stop with"
                    + " Ctrl-C or SIGTERM.%n", Demo.JOB, demo.folder());
            out.flush();
            if (window) {
                boolean stoppedFirst = screenshots != null && trafficForScreenshots(demo, stop);
                if (!stoppedFirst) {
                    closeConsoleOn(stop);
                    // Returns when the window is closed; the demo then stops as after Ctrl-C.
                    ConsoleCommand.launch(new ConsoleSettings(demo.configFile(), demo.folder(), Screen.DASHBOARD,
                            screenshots == null ? null : screenshots.toAbsolutePath()), List.of(badDeploy(demo)));
                }
                stop.request();
            }
            while (!stop.await(STATUS_EVERY)) {
                DemoStatus status = demo.status();
                out.printf("demo: produced %d records, stored %d, lag %d%n", status.produced(), status.stored(),
                        status.lagRecords());
                out.flush();
            }
            out.println("demo stopping: storing what was produced, then stopping the broker...");
            out.flush();
        } finally {
            stop.stopped();
        }
        out.println("demo stopped.");
        out.flush();
        return 0;
    }
}
