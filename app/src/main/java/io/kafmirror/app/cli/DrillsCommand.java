package io.kafmirror.app.cli;

import picocli.CommandLine.Command;

/** {@code kaf-mirror drills ...}: restore drills of the jobs' backups, run now or listed. */
@Command(name = "drills", mixinStandardHelpOptions = true,
        description = "Run a restore drill of a job's backup now, or list the drills run and how they ended.",
        subcommands = {DrillsRun.class, DrillsList.class})
public final class DrillsCommand {
}
