package io.kafmirror.app;

import io.kafmirror.app.cli.AlertsCommand;
import io.kafmirror.app.cli.AuditCommand;
import io.kafmirror.app.cli.ClustersCommand;
import io.kafmirror.app.cli.ConsoleCommand;
import io.kafmirror.app.cli.DrillsCommand;
import io.kafmirror.app.cli.EvidenceCommand;
import io.kafmirror.app.cli.FailureReporter;
import io.kafmirror.app.cli.JobsCommand;
import io.kafmirror.app.cli.LoginCommand;
import io.kafmirror.app.cli.LogoutCommand;
import io.kafmirror.app.cli.RestoreCommand;
import io.kafmirror.app.cli.RunCommand;
import io.kafmirror.app.cli.SecretsCommand;
import io.kafmirror.app.cli.StoreCommand;
import io.kafmirror.app.cli.UsersCommand;
import io.kafmirror.app.cli.VersionProvider;
import io.kafmirror.app.demo.DemoCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code kaf-mirror} command: the headless entry point to everything the console does. */
@Command(name = "kaf-mirror", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Kafka backup, disaster recovery and point-in-time restore into immutable .kfs segments.",
        subcommands = {ConsoleCommand.class, DemoCommand.class, ClustersCommand.class, JobsCommand.class, RunCommand.class,
                AlertsCommand.class, RestoreCommand.class, StoreCommand.class, AuditCommand.class, EvidenceCommand.class,
                DrillsCommand.class, SecretsCommand.class, LoginCommand.class, LogoutCommand.class, UsersCommand.class,
                CommandLine.HelpCommand.class})
public final class KafMirror {

    /** Exit code when a check found problems (corrupt segments, a store that cannot lock). */
    public static final int FINDINGS = 1;
    /** Exit code when the operation itself could not be carried out (store unreachable, bad input data). */
    public static final int FAILED = 3;

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, for tests that run commands in-process. */
    public static CommandLine commandLine() {
        return new CommandLine(new KafMirror())
                .setExecutionExceptionHandler(new FailureReporter())
                .setCaseInsensitiveEnumValuesAllowed(true);
    }
}
