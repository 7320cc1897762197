package io.kafmirror.app.demo;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kaf-mirror demo [--dir DIR] [--headless]}: the {@link Demo} on loopback until SIGTERM or Ctrl-C. Stdout's first
 * line says it is ready and where everything is, then a status line follows every 10 s.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start a demo on this machine only: a Kafka broker with orders and payments traffic, a local"
                + " store and a running backup job, until SIGTERM or Ctrl-C.",
            "A second start on the same folder carries on with its data. Nothing leaves 127.0.0.1."})
public final class DemoCommand implements Callable<Integer> {

    private static final Duration STATUS_EVERY = Duration.ofSeconds(10);

    @Option(names = "--dir", paramLabel = "FOLDER",
            description = "Folder of the demo's broker, store, configuration and state. Default: demo in the data"
                    + " folder ($KAF_MIRROR_HOME or ~/.kaf-mirror).")
    Path dir;

    @Option(names = "--headless", description = "No window: status lines on stdout, for scripts and services.")
    boolean headless;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (!headless) {
            // The console opens here on the running demo once it lands (issue #5); until then the demo runs headless.
            spec.commandLine().getErr().println("The console is not available yet: running the demo headless.");
            spec.commandLine().getErr().flush();
        }
        StopSignal stop = StopSignal.install();
        try (Demo demo = Demo.start(dir == null ? Demo.defaultFolder() : dir)) {
            out.printf("demo ready: cluster %s, store %s, config %s%n", demo.bootstrap(), demo.storeFolder(), demo.configFile());
            out.printf("job %s backs up orders and payments; 'kaf-mirror jobs status --data %s' shows it. Stop with"
                    + " Ctrl-C or SIGTERM.%n", Demo.JOB, demo.folder());
            out.flush();
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
