package io.kafmirror.app.cli;

import io.kafmirror.app.KafMirror;
import io.kafmirror.engine.state.AuditAction;
import io.kafmirror.engine.state.AuditOutcome;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.kfs.catalog.CatalogRebuild;
import io.kafmirror.kfs.catalog.SegmentCatalog;
import io.kafmirror.kfs.catalog.StoreProblem;
import io.kafmirror.kfs.store.SegmentStore;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code store rebuild-catalog}: recreate the catalog from the store alone. */
@Command(name = "rebuild-catalog", mixinStandardHelpOptions = true,
        description = "Recreate the catalog from the store alone (one listing and one ranged read per segment); exit 1 if some objects could not be catalogued.")
public final class StoreRebuildCatalog implements Callable<Integer> {

    @Mixin
    StoreOptions options;

    @Mixin
    DataOptions data;

    @Spec
    CommandSpec spec;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "8", description = "Segments read at a time. Default: ${DEFAULT-VALUE}.")
    int parallel;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        try (SegmentStore store = options.open(); SegmentCatalog catalog = options.openCatalog(); StateDatabase state = data.openState()) {
            Map<String, Object> parameters = Map.of("catalog", catalog.file().toString(), "parallel", Math.max(1, parallel));
            CatalogRebuild.RebuildReport report;
            // Audited after the rebuild, not around it: a rebuild takes minutes, and an append holds the audit log's lock.
            // The role is checked before it, so nothing is rebuilt that the entry would then refuse.
            state.audit().authorize(AuditAction.STORE_REBUILD_CATALOG, store.location(), parameters);
            try {
                report = new CatalogRebuild(store, catalog, Math.max(1, parallel)).run();
            } catch (RuntimeException e) {
                state.audit().append(AuditAction.STORE_REBUILD_CATALOG, store.location(), parameters, AuditOutcome.FAILED, e.getMessage());
                throw e;
            }
            state.audit().append(AuditAction.STORE_REBUILD_CATALOG, store.location(), parameters, AuditOutcome.OK,
                    report.problems().isEmpty() ? null : report.problems().size() + " objects could not be catalogued");
            for (StoreProblem p : report.problems()) {
                out.println("NOT CATALOGUED\t" + p.key() + "\t" + p.reason());
            }
            out.printf("Catalogued %d segments from %s into %s in %.1f s%s%n", report.catalogued(), store.location(), catalog.file(),
                    report.took().toMillis() / 1000.0, report.problems().isEmpty() ? "." : "; " + report.problems().size() + " objects could not be catalogued (above).");
            return report.problems().isEmpty() ? 0 : KafMirror.FINDINGS;
        }
    }
}
