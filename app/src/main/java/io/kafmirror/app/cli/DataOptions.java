package io.kafmirror.app.cli;

import io.kafmirror.engine.access.AuthenticationException;
import io.kafmirror.engine.access.Credentials;
import io.kafmirror.engine.access.Principal;
import io.kafmirror.engine.state.StateDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Where kaf-mirror keeps its state database (jobs, history, metrics) and catalogs, and who acts on it: a token
 * ({@code --token-file}, {@code KAF_MIRROR_TOKEN}), else the session of {@code kaf-mirror login}, else nobody; while the
 * folder has no users, the operating-system user as admin, with a warning.
 */
public final class DataOptions {

    /** The environment variable holding a token for headless use. */
    public static final String TOKEN_ENV = "KAF_MIRROR_TOKEN";

    @Option(names = "--data", paramLabel = "FOLDER",
            description = "Folder of the state database and catalogs, shared with the console. Default: ${DEFAULT-VALUE}.",
            defaultValue = "${env:KAF_MIRROR_HOME:-${sys:user.home}/.kaf-mirror}")
    Path data;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File holding an API token to act with (headless use); else $" + TOKEN_ENV + ", else the session of"
                    + " 'kaf-mirror login'.")
    Path tokenFile;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** The data folder. */
    public Path folder() {
        return data;
    }

    /** Opens the state database for the command line. */
    public StateDatabase openState() {
        return openState("cli");
    }

    /**
     * Opens the state database for the program {@code program}, acting as the token or login session given; refuses
     * when the folder is claimed and nobody logged in, and warns when it is unclaimed.
     */
    public StateDatabase openState(String program) {
        StateDatabase state = StateDatabase.open(data, program, credentials());
        Principal who = state.principal();
        if (who.kind() == Principal.Kind.ANONYMOUS) {
            state.close();
            throw new AuthenticationException("The data folder " + data.toAbsolutePath() + " has users: log in with"
                    + " 'kaf-mirror login', or give a token with --token-file FILE or " + TOKEN_ENV + ".");
        }
        if (who.kind() == Principal.Kind.UNCLAIMED && mixee != null) {
            mixee.commandLine().getErr().println("warning: " + data.toAbsolutePath() + " has no users: acting as '" + who.name()
                    + "' with admin rights. Claim it with 'kaf-mirror users init'.");
        }
        return state;
    }

    /** Opens the state database without credentials, to log in or claim the folder. */
    StateDatabase openToLogIn() {
        return StateDatabase.open(data, "cli");
    }

    /** The login session of this operating-system user in this data folder. */
    SessionFile session() {
        return new SessionFile(data);
    }

    private Credentials credentials() {
        if (tokenFile != null) {
            try {
                return Credentials.token(Files.readString(tokenFile, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the token file " + tokenFile + ": " + e.getMessage(), e);
            }
        }
        String env = System.getenv(TOKEN_ENV);
        if (env != null && !env.isBlank()) {
            return Credentials.token(env);
        }
        return session().read().map(Credentials::token).orElse(Credentials.none());
    }
}
