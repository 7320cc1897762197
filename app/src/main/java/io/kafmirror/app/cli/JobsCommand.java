package io.kafmirror.app.cli;

import picocli.CommandLine.Command;

/** {@code kaf-mirror jobs ...}: the backup jobs kept in the state database. */
@Command(name = "jobs", mixinStandardHelpOptions = true,
        description = "Add, update, list, pause, resume and remove backup jobs; preview their topics; show their lag.",
        subcommands = {JobsAdd.class, JobsUpdate.class, JobsList.class, JobsPause.class, JobsResume.class, JobsRemove.class,
                JobsPreview.class, JobsStatus.class})
public final class JobsCommand {
}
