package io.kafmirror.app.cli;

import io.kafmirror.engine.state.StateDatabase;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kaf-mirror users remove NAME}. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Remove a user: it can no longer log in and its sessions end; the name is not given again (admin only).")
public final class UsersRemove implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Parameters(paramLabel = "NAME", description = "The user's name.")
    String name;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (StateDatabase state = data.openState()) {
            state.users().remove(name);
        }
        spec.commandLine().getOut().printf("Removed '%s'.%n", name);
        return 0;
    }
}
