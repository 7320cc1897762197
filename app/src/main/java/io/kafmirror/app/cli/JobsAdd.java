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

/** {@code kaf-mirror jobs add NAME --source C --store S --topics P}: a new backup job, running. */
@Command(name = "add", mixinStandardHelpOptions = true, description = "Add a backup job; it runs with the next 'kaf-mirror run' or the console.")
public final class JobsAdd implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Mixin
    DataOptions data;

    @Parameters(paramLabel = "NAME", description = "The job's name: letters, digits, '.', '_' or '-'.")
    String name;

    @Mixin
    JobOptions settings;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        JobConfig job = settings.newJob();
        MirrorConfig loaded = config.load();
        loaded.cluster(job.source());
        loaded.store(job.store());
        try (StateDatabase state = data.openState()) {
            state.jobs().add(name, job);
        }
        spec.commandLine().getOut().printf("Job %s added: %s of cluster %s into store %s. It runs with 'kaf-mirror run'"
                + " or the console.%n", name, job.topics(), job.source(), job.store());
        return 0;
    }
}
