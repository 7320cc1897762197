package io.kafmirror.app.cli;

import io.kafmirror.engine.state.DesiredState;
import io.kafmirror.engine.state.StateDatabase;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** What {@code jobs pause|resume} share: set a job's desired state; a running engine follows within seconds. */
abstract class JobStateChange {

    @Mixin
    DataOptions data;

    @Parameters(paramLabel = "NAME", description = "The job's name.")
    String name;

    @Spec
    CommandSpec spec;

    Integer change(DesiredState to, String done) {
        try (StateDatabase state = data.openState()) {
            state.jobs().setDesiredState(name, to);
        }
        spec.commandLine().getOut().printf("Job %s %s.%n", name, done);
        return 0;
    }
}
