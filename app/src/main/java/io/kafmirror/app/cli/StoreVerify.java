package io.kafmirror.app.cli;

import io.kafmirror.app.KafMirror;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.catalog.StoreVerification;
import io.kafmirror.kfs.catalog.StoreVerification.ObjectCheck;
import io.kafmirror.kfs.store.SegmentStore;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code store verify}: recompute every checksum and compare every SHA-256 with the catalog. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Read every segment, check every checksum and compare its SHA-256 with the catalog; exit 1 if any is corrupt, altered or missing.")
public final class StoreVerify implements Callable<Integer> {

    @Mixin
    StoreOptions options;

    @Mixin
    StoreScope scope;

    @Spec
    CommandSpec spec;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4", description = "Segments read at a time. Default: ${DEFAULT-VALUE}.")
    int parallel;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        try (SegmentStore store = options.open(); SegmentCatalog catalog = options.openCatalog()) {
            long start = System.nanoTime();
            List<ObjectCheck> checks = new StoreVerification(store, catalog, Math.max(1, parallel)).run(scope.prefix());
            Map<ObjectCheck.Status, Integer> counts = new EnumMap<>(ObjectCheck.Status.class);
            for (ObjectCheck c : checks) {
                counts.merge(c.status(), 1, Integer::sum);
                if (c.status() != ObjectCheck.Status.OK) {
                    out.println(c.status() + "\t" + c.key() + "\t" + c.detail());
                }
            }
            out.printf("Verified %d segments in %s in %.1f s: %s%n", checks.size(), store.location(), (System.nanoTime() - start) / 1e9,
                    counts.isEmpty() ? "nothing to verify" : counts.toString().replaceAll("[{}]", ""));
            boolean failed = checks.stream().anyMatch(c -> c.status().isFailure());
            if (failed) {
                out.println("FAILED: the segments above cannot be trusted; restore them from another copy of the backup.");
            }
            return failed ? KafMirror.FINDINGS : 0;
        }
    }
}
