package io.kafmirror.app.cli;

import io.kafmirror.engine.config.DurationText;
import io.kafmirror.engine.state.IssuedSecret;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.engine.state.Users;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kaf-mirror login}: asks user and password and keeps a session for the following commands. */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = "Log in to the data folder: the following commands of this operating-system user act as you until"
                + " the session expires or 'kaf-mirror logout'.")
public final class LoginCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Mixin
    PasswordInput password;

    @Option(names = "--user", paramLabel = "NAME", description = "The user name; asked on the terminal when not given.")
    String user;

    @Option(names = "--for", paramLabel = "DURATION", description = "How long the session lasts, e.g. 8h. Default: 12h.")
    String lasting;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String name = user != null ? user : PasswordInput.terminal().readLine("User: ").strip();
        IssuedSecret session;
        try (StateDatabase state = data.openToLogIn()) {
            session = state.users().login(name, password.read(name, false), lasting == null ? Users.SESSION : DurationText.parse(lasting));
        }
        data.session().write(session.secret());
        spec.commandLine().getOut().printf("Logged in as %s until %s.%n", session.principal().describe(), session.expires());
        return 0;
    }
}
