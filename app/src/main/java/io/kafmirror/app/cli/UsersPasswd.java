package io.kafmirror.app.cli;

import io.kafmirror.engine.state.StateDatabase;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kaf-mirror users passwd NAME}. */
@Command(name = "passwd", mixinStandardHelpOptions = true,
        description = "Set a user's password; the user's login sessions end (admin only).")
public final class UsersPasswd implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Mixin
    PasswordInput password;

    @Parameters(paramLabel = "NAME", description = "The user's name.")
    String name;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (StateDatabase state = data.openState()) {
            state.users().changePassword(name, password.read(name, true));
        }
        spec.commandLine().getOut().printf("Set the password of '%s'.%n", name);
        return 0;
    }
}
