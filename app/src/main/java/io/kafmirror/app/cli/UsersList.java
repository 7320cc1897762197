package io.kafmirror.app.cli;

import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.engine.state.UserAccount;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kaf-mirror users list}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the users, removed ones too (admin only).")
public final class UsersList implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<UserAccount> users;
        try (StateDatabase state = data.openState()) {
            users = state.users().list();
        }
        TextTable table = new TextTable("NAME", "ROLE", "CREATED", "BY", "LAST LOGIN", "REMOVED");
        for (UserAccount u : users) {
            table.row(u.name(), u.role().label(), u.created(), u.createdBy(), u.lastLogin() == null ? "never" : u.lastLogin(),
                    u.removed() == null ? "" : u.removed());
        }
        table.print(spec.commandLine().getOut());
        return 0;
    }
}
