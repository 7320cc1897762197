package io.kafmirror.app.cli;

import io.kafmirror.engine.cluster.ClusterProbe;
import io.kafmirror.engine.cluster.ClusterReport;
import io.kafmirror.engine.config.ClusterConfig;
import io.kafmirror.engine.config.MirrorConfig;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kaf-mirror clusters test NAME}: connects as a backup job would and says what it sees or why it cannot. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Connect to a configured cluster, list its topics, and report authentication or network problems plainly.")
public final class ClustersTest implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Parameters(paramLabel = "CLUSTER", description = "The cluster's name in the configuration.")
    String name;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "15",
            description = "Give up after this many seconds. Default: ${DEFAULT-VALUE}.")
    int timeoutSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        MirrorConfig loaded = config.load();
        ClusterConfig cluster = loaded.cluster(name);
        ClusterReport report = new ClusterProbe(cluster.clientProperties(), Duration.ofSeconds(timeoutSeconds)).probe();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Cluster %s is reachable (%s): cluster id %s, %d broker(s) %s, controller %d.%n", name,
                cluster.security().securityProtocol(), report.clusterId(), report.brokers().size(),
                String.join(", ", report.brokers()), report.controllerId());
        out.printf("%d topic(s)%s%n", report.topics().size(), report.topics().isEmpty() ? "." : ":");
        report.topics().forEach(t -> out.println("  " + t));
        return 0;
    }
}
