package io.kafmirror.app.cli;

import io.kafmirror.engine.state.Mute;
import io.kafmirror.engine.state.StateDatabase;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kaf-mirror alerts unmute --job J --type T [--topic X]}. */
@Command(name = "unmute", mixinStandardHelpOptions = true,
        description = "End a mute now: new alerts of its type are open again; those it covered stay muted.")
public final class AlertsUnmute implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Mixin
    MuteScope scope;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Mute> ended;
        try (StateDatabase state = data.openState()) {
            ended = state.alerts().unmute(scope.job, scope.type(), scope.topic);
        }
        spec.commandLine().getOut().printf("Unmuted %s.%n", ended.get(0).scope());
        return 0;
    }
}
