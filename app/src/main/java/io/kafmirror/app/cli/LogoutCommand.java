package io.kafmirror.app.cli;

import io.kafmirror.engine.state.StateDatabase;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kaf-mirror logout}: ends the session of {@code kaf-mirror login}. */
@Command(name = "logout", mixinStandardHelpOptions = true, description = "End your login session in the data folder.")
public final class LogoutCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SessionFile file = data.session();
        Optional<String> secret = file.read();
        if (secret.isEmpty()) {
            spec.commandLine().getOut().println("Not logged in to " + data.folder().toAbsolutePath() + ".");
            return 0;
        }
        try (StateDatabase state = data.openToLogIn()) {
            state.users().logout(secret.get());
        }
        file.delete();
        spec.commandLine().getOut().println("Logged out of " + data.folder().toAbsolutePath() + ".");
        return 0;
    }
}
