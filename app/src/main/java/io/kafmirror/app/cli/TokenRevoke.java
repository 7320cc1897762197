package io.kafmirror.app.cli;

import io.kafmirror.engine.state.StateDatabase;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kaf-mirror users token revoke NAME}. */
@Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke an API token: it stops working at once.")
public final class TokenRevoke implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Parameters(paramLabel = "NAME", description = "The token's name.")
    String name;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (StateDatabase state = data.openState()) {
            state.users().revokeToken(name);
        }
        spec.commandLine().getOut().printf("Revoked the token '%s'.%n", name);
        return 0;
    }
}
