package io.kafmirror.app.cli;

import io.kafmirror.engine.config.ClusterConfig;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.config.SeparationWarning;
import io.kafmirror.engine.config.SeparationWarnings;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kaf-mirror clusters list}: the configured clusters, their brokers and how they authenticate. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the configured clusters, and stores that share a credential with one.")
public final class ClustersList implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        MirrorConfig loaded = config.load();
        TextTable table = new TextTable("CLUSTER", "SECURITY", "BROKERS");
        for (Map.Entry<String, ClusterConfig> cluster : loaded.clusters().entrySet()) {
            ClusterConfig c = cluster.getValue();
            table.row(cluster.getKey(), c.security().securityProtocol(), c.brokers());
        }
        table.print(spec.commandLine().getOut());
        SeparationNotes.print(spec.commandLine().getOut(), SeparationWarnings.of(loaded).stream()
                .filter(w -> w.kind() == SeparationWarning.Kind.SHARED_CREDENTIAL).toList());
        return 0;
    }
}
