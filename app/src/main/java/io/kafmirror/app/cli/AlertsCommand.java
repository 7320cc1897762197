package io.kafmirror.app.cli;

import picocli.CommandLine.Command;

/** {@code kaf-mirror alerts ...}: the anomalies of the jobs, acknowledged and muted as in the console's Alerts screen. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "List the anomalies of the backup jobs; acknowledge them; mute and unmute a job's alerts of a type.",
        subcommands = {AlertsList.class, AlertsAck.class, AlertsMute.class, AlertsUnmute.class, AlertsMutes.class})
public final class AlertsCommand {
}
