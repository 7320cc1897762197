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
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code kaf-mirror} command: the headless entry point to everything the console does. */
@Command(name = "kaf-mirror", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Kafka backup, disaster recovery and point-in-time restore into immutable .kfs segments.")
public final class KafMirror {

    /** Exit code when a check found problems (corrupt segments, a store that cannot lock). */
    public static final int FINDINGS = 1;
    /** Exit code when the operation itself could not be carried out (store unreachable, bad input data). */
    public static final int FAILED = 3;

    private static final String CONSOLE = "console";
    private static final List<Class<?>> COMMANDS = List.of(ConsoleCommand.class, DemoCommand.class, ClustersCommand.class,
            JobsCommand.class, RunCommand.class, AlertsCommand.class, RestoreCommand.class, StoreCommand.class, AuditCommand.class,
            EvidenceCommand.class, DrillsCommand.class, SecretsCommand.class, LoginCommand.class, LogoutCommand.class,
            UsersCommand.class, CommandLine.HelpCommand.class);

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }

    /**
     * The configured command line that runs {@code args}: every command, or only {@code console} when that is what
     * {@code args} start with. The console is the start someone waits for (the desktop entry runs it), and building every
     * other command's options loads some 2,700 classes first (issue #8); the console's own usage and errors are the same.
     */
    public static CommandLine commandLine(String... args) {
        CommandLine commandLine = new CommandLine(new KafMirror());
        List<Class<?>> commands = args.length > 0 && args[0].equals(CONSOLE) ? List.of(ConsoleCommand.class) : COMMANDS;
        commands.forEach(commandLine::addSubcommand);
        return commandLine.setExecutionExceptionHandler(new FailureReporter()).setCaseInsensitiveEnumValuesAllowed(true);
    }
}
