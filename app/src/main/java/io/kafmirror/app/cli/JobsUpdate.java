package io.kafmirror.app.cli;

import io.kafmirror.engine.config.JobConfig;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.state.StateDatabase;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kaf-mirror jobs update NAME [options of jobs add]}: changes the settings given, keeps the others. */
@Command(name = "update", mixinStandardHelpOptions = true, description = "Change a backup job's settings: only the"
        + " options given change. A running engine restarts the job with them.")
public final class JobsUpdate implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Mixin
    DataOptions data;

    @Parameters(paramLabel = "NAME", description = "The job's name.")
    String name;

    @Mixin
    JobOptions settings;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        boolean changed;
        try (StateDatabase state = data.openState()) {
            JobConfig before = state.jobs().get(name).config();
            JobConfig job = settings.update(before);
            if (settings.source != null || settings.store != null) {
                MirrorConfig loaded = config.load();
                loaded.cluster(job.source());
                loaded.store(job.store());
            }
            changed = !job.equals(before);
            state.jobs().update(name, job);
        }
        spec.commandLine().getOut().println(changed ? "Job " + name + " updated." : "Job " + name + " unchanged: it has"
                + " these settings already ('kaf-mirror jobs update --help' lists the options).");
        return 0;
    }
}
