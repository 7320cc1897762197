package io.kafmirror.app.cli;

import io.kafmirror.engine.config.DurationText;
import io.kafmirror.engine.state.Mute;
import io.kafmirror.engine.state.StateDatabase;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kaf-mirror alerts mute --job J --type T [--topic X] [--for 24h]}. */
@Command(name = "mute", mixinStandardHelpOptions = true,
        description = "Mute a job's alerts of a type: they are still recorded and listed with --all, but not open."
                + " Alerts already raised are muted too.")
public final class AlertsMute implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Mixin
    MuteScope scope;

    @Option(names = "--for", paramLabel = "DURATION", description = "How long, e.g. 1h or 24h; default: until unmuted.")
    String duration;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Mute mute;
        try (StateDatabase state = data.openState()) {
            mute = state.alerts().mute(scope.job, scope.type(), scope.topic, duration == null ? null : DurationText.parse(duration));
        }
        spec.commandLine().getOut().printf("Muted %s %s. End it sooner with 'kaf-mirror alerts unmute --job %s --type %s%s'.%n",
                mute.scope(), mute.until() == null ? "until unmuted" : "until " + mute.until(), mute.job(), mute.type(),
                mute.topic() == null ? "" : " --topic " + mute.topic());
        return 0;
    }
}
