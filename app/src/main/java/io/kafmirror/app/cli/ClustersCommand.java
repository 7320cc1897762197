package io.kafmirror.app.cli;

import picocli.CommandLine.Command;

/** {@code kaf-mirror clusters ...}: the Kafka clusters of the configuration. */
@Command(name = "clusters", mixinStandardHelpOptions = true,
        description = "List the configured Kafka clusters and test connecting to them.",
        subcommands = {ClustersList.class, ClustersTest.class})
public final class ClustersCommand {
}
