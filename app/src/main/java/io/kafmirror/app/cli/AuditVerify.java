package io.kafmirror.app.cli;

import io.kafmirror.app.KafMirror;
import io.kafmirror.engine.audit.AuditAnchoring;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.state.AuditFinding;
import io.kafmirror.engine.state.AuditHead;
import io.kafmirror.engine.state.AuditVerification;
import io.kafmirror.engine.state.StateDatabase;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kaf-mirror audit verify}: checks the chain and its anchors in the configured stores; exit 1 names each break. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check the audit log's hash chain, its head and the anchors in the configured stores; exit 1 and name"
                + " each edited, missing, reordered or truncated entry.")
public final class AuditVerify implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        AuditVerification v;
        try (StateDatabase state = data.openState()) {
            if (Files.isRegularFile(config.file())) {
                MirrorConfig loaded = config.load();
                AuditAnchoring.Checked checked = new AuditAnchoring(loaded, state, Clock.systemUTC()).verify();
                v = checked.verification();
                out.printf("Checked against %d anchor(s) in %s.%n", v.anchorsChecked(),
                        checked.stores().isEmpty() ? "no store (none is configured)" : "store(s) " + String.join(", ", checked.stores()));
                for (String other : checked.otherChains()) {
                    out.println("Note: anchors of another audit chain are in store " + other + " (another kaf-mirror sharing"
                            + " the store, or a state database replaced since).");
                }
            } else {
                v = state.audit().verify(List.of());
                out.println("No configuration at " + config.file().toAbsolutePath() + ": no anchors checked, only the chain.");
            }
        }
        AuditHead head = v.head();
        out.printf("Audit chain %s: %d entries, last %d, head %d %s.%n", head.chain(), v.entries(), v.lastSeq(), head.seq(),
                head.hash());
        for (AuditFinding f : v.findings()) {
            out.println("BROKEN\t" + f.message());
        }
        out.println(v.intact() ? "The audit log is intact." : v.findings().size() + " break(s) found (above).");
        return v.intact() ? 0 : KafMirror.FINDINGS;
    }
}
