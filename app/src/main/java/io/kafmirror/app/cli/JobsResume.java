package io.kafmirror.app.cli;

import io.kafmirror.engine.state.DesiredState;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code kaf-mirror jobs resume NAME}. */
@Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume a paused or stopped job from its last stored offsets.")
public final class JobsResume extends JobStateChange implements Callable<Integer> {

    @Override
    public Integer call() {
        return change(DesiredState.RUNNING, "resumed");
    }
}
