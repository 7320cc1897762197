package io.kafmirror.app.cli;

import io.kafmirror.engine.state.Job;
import io.kafmirror.engine.state.StateDatabase;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kaf-mirror jobs list}: every job with its source, store, topics and desired state. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the backup jobs.")
public final class JobsList implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TextTable table = new TextTable("JOB", "STATE", "SOURCE", "STORE", "TOPICS");
        try (StateDatabase state = data.openState()) {
            for (Job job : state.jobs().list()) {
                table.row(job.name(), job.desiredState().name().toLowerCase(), job.config().source(),
                        job.config().store(), job.config().topics());
            }
        }
        table.print(spec.commandLine().getOut());
        return 0;
    }
}
