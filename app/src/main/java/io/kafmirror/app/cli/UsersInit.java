package io.kafmirror.app.cli;

import io.kafmirror.engine.state.StateDatabase;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kaf-mirror users init}: creates the first admin; from then on every command must log in or present a token. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create the first admin of the data folder, claiming it: from then on every command logs in"
                + " ('kaf-mirror login') or presents a token.")
public final class UsersInit implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Mixin
    PasswordInput password;

    @Option(names = "--name", paramLabel = "NAME", description = "The admin's user name. Default: your operating-system user, ${DEFAULT-VALUE}.",
            defaultValue = "${sys:user.name}")
    String name;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (StateDatabase state = data.openToLogIn()) {
            if (state.users().claimed()) {
                throw new IllegalStateException("The data folder " + data.folder().toAbsolutePath() + " is already claimed;"
                        + " an admin adds users with 'kaf-mirror users add'.");
            }
            state.users().init(name, password.read(name, true));
        }
        spec.commandLine().getOut().printf("Created the admin '%s'; %s is claimed. Log in with 'kaf-mirror login'.%n", name,
                data.folder().toAbsolutePath());
        return 0;
    }
}
