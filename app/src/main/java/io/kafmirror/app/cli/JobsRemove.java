package io.kafmirror.app.cli;

import io.kafmirror.engine.state.StateDatabase;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kaf-mirror jobs remove NAME}: the job goes; its backup and history stay. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Remove a job. Its stored segments and its history are kept.")
public final class JobsRemove implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Parameters(paramLabel = "NAME", description = "The job's name.")
    String name;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (StateDatabase state = data.openState()) {
            state.jobs().remove(name);
        }
        spec.commandLine().getOut().printf("Job %s removed; its stored segments and history are kept.%n", name);
        return 0;
    }
}
