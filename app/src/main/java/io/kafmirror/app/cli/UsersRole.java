package io.kafmirror.app.cli;

import io.kafmirror.engine.access.Role;
import io.kafmirror.engine.state.StateDatabase;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kaf-mirror users role NAME ROLE}. */
@Command(name = "role", mixinStandardHelpOptions = true,
        description = "Change a user's role; it applies from the user's next command (admin only).")
public final class UsersRole implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Parameters(index = "0", paramLabel = "NAME", description = "The user's name.")
    String name;

    @Parameters(index = "1", paramLabel = "ROLE", description = "admin, operator, monitor or compliance.")
    String role;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Role parsed = Role.parse(role);
        try (StateDatabase state = data.openState()) {
            state.users().changeRole(name, parsed);
        }
        spec.commandLine().getOut().printf("'%s' is now %s.%n", name, parsed.label());
        return 0;
    }
}
