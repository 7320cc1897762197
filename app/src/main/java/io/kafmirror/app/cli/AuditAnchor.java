package io.kafmirror.app.cli;

import io.kafmirror.engine.audit.AuditAnchoring;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.state.StateDatabase;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kaf-mirror audit anchor [--store NAME]...}: writes the chain's head into the stores now. */
@Command(name = "anchor", mixinStandardHelpOptions = true,
        description = "Write the audit chain's head into the configured stores now, as an immutable object under audit/"
                + " ('kaf-mirror run' does it every hour).")
public final class AuditAnchor implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Mixin
    ConfigOptions config;

    @Option(names = "--store", paramLabel = "NAME", description = "Only this configured store (repeatable). Default: every one.")
    List<String> stores = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (StateDatabase state = data.openState()) {
            MirrorConfig loaded = config.load();
            if (loaded.stores().isEmpty()) {
                throw new IllegalArgumentException("No store is configured in " + config.file().toAbsolutePath()
                        + ": add one under stores: to anchor the audit log in.");
            }
            List<io.kafmirror.engine.state.AuditAnchor> written = new AuditAnchoring(loaded, state, Clock.systemUTC()).anchor(stores);
            if (written.isEmpty()) {
                out.println("The audit log is empty: nothing to anchor.");
            }
            written.forEach(a -> out.printf("Anchored entry %d (%s) in store %s as %s.%n", a.seq(), a.hash(), a.store(), a.key()));
        }
        return 0;
    }
}
