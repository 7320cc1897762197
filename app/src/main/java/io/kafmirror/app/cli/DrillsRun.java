package io.kafmirror.app.cli;

import io.kafmirror.app.KafMirror;
import io.kafmirror.engine.config.DrillMode;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.drill.JobDrills;
import io.kafmirror.engine.run.OpenStores;
import io.kafmirror.engine.state.DrillRecord;
import io.kafmirror.engine.state.StateDatabase;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kaf-mirror drills run <job>}: one restore drill now, printed; exit 1 when it fails. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a restore drill of a job's backup now: restore its topics as of now into scratch topics, read them"
                + " back and delete them (or --mode verify: checksum the stored segments); exit 1 if it fails.")
public final class DrillsRun implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Mixin
    DataOptions data;

    @Parameters(index = "0", paramLabel = "JOB", description = "The job whose backup is drilled.")
    String job;

    @Option(names = "--topics", split = ",", paramLabel = "TOPIC",
            description = "The source topics to drill; default: those of the job's first scheduled drill.")
    List<String> topics = List.of();

    @Option(names = "--mode", paramLabel = "MODE", description = "restore (default) or verify.")
    DrillMode mode;

    @Option(names = "--target", paramLabel = "CLUSTER",
            description = "The configured cluster of the scratch topics; default: the job's source cluster.")
    String target;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (mode == DrillMode.VERIFY && target != null) {
            throw new ParameterException(spec.commandLine(), "--target applies to --mode restore only: a verify drill writes nowhere");
        }
        MirrorConfig loaded = config.load();
        PrintWriter out = spec.commandLine().getOut();
        DrillRecord drill;
        try (StateDatabase state = data.openState(); OpenStores stores = new OpenStores(loaded, data.folder())) {
            drill = new JobDrills(loaded, state, stores, state.history()::listener, Clock.systemUTC()).runNow(job, topics, mode, target);
        }
        out.printf("Drill #%d (%s of %s%s) %s: %,d records, %s as of %s, in %d ms.%n", drill.id(),
                drill.mode().name().toLowerCase(Locale.ROOT), String.join(", ", drill.topics()),
                drill.targetCluster() == null ? "" : " into " + drill.targetCluster(), drill.passed() ? "passed" : "FAILED",
                drill.records(), Sizes.bytes(drill.bytes()), drill.restorePoint(), drill.duration().toMillis());
        if (drill.finding() != null) {
            out.println(drill.finding());
        }
        if (drill.leftover() != null) {
            out.println("! Scratch topics left on " + drill.targetCluster() + ": " + drill.leftover() + " — delete them by hand.");
        }
        return drill.passed() ? 0 : KafMirror.FINDINGS;
    }
}
