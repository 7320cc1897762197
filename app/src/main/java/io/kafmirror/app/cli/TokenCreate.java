package io.kafmirror.app.cli;

import io.kafmirror.engine.access.Role;
import io.kafmirror.engine.config.DurationText;
import io.kafmirror.engine.state.IssuedSecret;
import io.kafmirror.engine.state.StateDatabase;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kaf-mirror users token create NAME --role ROLE [--expires-in D] [--out FILE]}: the secret is shown once. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create an API token; its secret is shown once (or written owner-only to --out) and only its SHA-256 is kept.")
public final class TokenCreate implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Parameters(paramLabel = "NAME", description = "The token's name, e.g. the service using it.")
    String name;

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "admin, operator, monitor or compliance.")
    String role;

    @Option(names = "--expires-in", paramLabel = "DURATION", description = "How long it works, e.g. 90d; default: until revoked.")
    String expiresIn;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the secret to FILE, readable by its owner only, instead of showing it.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Role parsed = Role.parse(role);
        IssuedSecret issued;
        try (StateDatabase state = data.openState()) {
            issued = state.users().createToken(name, parsed, expiresIn == null ? null : DurationText.parse(expiresIn));
        }
        var print = spec.commandLine().getOut();
        String until = issued.expires() == null ? "until revoked" : "until " + issued.expires();
        if (out != null) {
            SecretFile.write(out, issued.secret());
            print.printf("Created %s token '%s', valid %s; its secret is in %s.%n", parsed.label(), name, until, out);
        } else {
            print.printf("Created %s token '%s', valid %s. Its secret, shown only now:%n%s%n", parsed.label(), name, until,
                    issued.secret());
        }
        return 0;
    }
}
