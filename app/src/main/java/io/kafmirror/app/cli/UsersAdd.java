package io.kafmirror.app.cli;

import io.kafmirror.engine.access.Role;
import io.kafmirror.engine.state.StateDatabase;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kaf-mirror users add NAME --role ROLE}. */
@Command(name = "add", mixinStandardHelpOptions = true, description = "Add a user with a role and a password (admin only).")
public final class UsersAdd implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Mixin
    PasswordInput password;

    @Parameters(paramLabel = "NAME", description = "The user's name.")
    String name;

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "admin, operator, monitor or compliance.")
    String role;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Role parsed = Role.parse(role);
        try (StateDatabase state = data.openState()) {
            state.users().add(name, password.read(name, true), parsed);
        }
        spec.commandLine().getOut().printf("Added %s '%s'.%n", parsed.label(), name);
        return 0;
    }
}
