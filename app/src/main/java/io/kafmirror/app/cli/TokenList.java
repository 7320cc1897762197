package io.kafmirror.app.cli;

import io.kafmirror.engine.state.ApiToken;
import io.kafmirror.engine.state.StateDatabase;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kaf-mirror users token list}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the API tokens, revoked ones too; never their secrets.")
public final class TokenList implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<ApiToken> tokens;
        try (StateDatabase state = data.openState()) {
            tokens = state.users().tokens();
        }
        TextTable table = new TextTable("NAME", "ROLE", "CREATED", "BY", "EXPIRES", "REVOKED");
        for (ApiToken t : tokens) {
            table.row(t.name(), t.role().label(), t.created(), t.createdBy(), t.expires() == null ? "never" : t.expires(),
                    t.revoked() == null ? "" : t.revoked());
        }
        table.print(spec.commandLine().getOut());
        return 0;
    }
}
