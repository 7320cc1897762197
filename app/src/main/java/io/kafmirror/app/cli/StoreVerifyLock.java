package io.kafmirror.app.cli;

import io.kafmirror.app.KafMirror;
import io.kafmirror.kfs.store.LockReport;
import io.kafmirror.kfs.store.SegmentStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code store verify-lock}: can this store keep segments immutable? */
@Command(name = "verify-lock", mixinStandardHelpOptions = true,
        description = "Check that the store enforces immutability (bucket versioning and Object Lock); exit 1 with warnings if not.")
public final class StoreVerifyLock implements Callable<Integer> {

    @Mixin
    StoreOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (SegmentStore store = options.open()) {
            LockReport report = store.verifyLock();
            var out = spec.commandLine().getOut();
            out.println("Store:             " + report.location());
            out.println("Versioning:        " + (report.versioning() ? "enabled" : "NOT enabled"));
            out.println("Object Lock:       " + (report.objectLock() ? "enabled" : "NOT enabled"));
            out.println("Default retention: " + (report.defaultRetention() == null ? "none"
                    : report.defaultRetention() + " for " + report.defaultRetentionDays() + " days"));
            report.warnings().forEach(w -> out.println("WARNING: " + w));
            out.println(report.ok() ? "OK: segments written here cannot be altered or deleted before their retention ends."
                    : "NOT PROTECTED: fix the warnings above before relying on this store as an immutable backup.");
            return report.ok() ? 0 : KafMirror.FINDINGS;
        }
    }
}
