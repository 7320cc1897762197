package io.kafmirror.app.cli;

import io.kafmirror.engine.state.Mute;
import io.kafmirror.engine.state.StateDatabase;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kaf-mirror alerts mutes}: the mutes in force. */
@Command(name = "mutes", mixinStandardHelpOptions = true, description = "List the mutes in force, oldest first.")
public final class AlertsMutes implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TextTable table = new TextTable("JOB", "TYPE", "TOPIC", "BY", "SINCE", "UNTIL");
        try (StateDatabase state = data.openState()) {
            for (Mute m : state.alerts().inForce()) {
                table.row(m.job(), m.type(), m.topic() == null ? "(any)" : m.topic(), m.by(), m.from(),
                        m.until() == null ? "unmuted" : m.until());
            }
        }
        table.print(spec.commandLine().getOut());
        return 0;
    }
}
