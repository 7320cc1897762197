package io.kafmirror.app.cli;

import io.kafmirror.engine.state.DesiredState;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code kaf-mirror jobs pause NAME}. */
@Command(name = "pause", mixinStandardHelpOptions = true,
        description = "Pause a job: a running engine stores what it read and stops reading; the source's retention is the buffer.")
public final class JobsPause extends JobStateChange implements Callable<Integer> {

    @Override
    public Integer call() {
        return change(DesiredState.PAUSED, "paused; mirroring resumes where it stopped with 'kaf-mirror jobs resume " + name + "'");
    }
}
