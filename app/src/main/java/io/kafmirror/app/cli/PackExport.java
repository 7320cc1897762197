package io.kafmirror.app.cli;

import io.kafmirror.engine.audit.AuditAnchoring;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.evidence.AuditFindings;
import io.kafmirror.engine.evidence.DrillFindings;
import io.kafmirror.engine.evidence.EvidenceCollector;
import io.kafmirror.engine.evidence.EvidenceData;
import io.kafmirror.engine.evidence.EvidenceKey;
import io.kafmirror.engine.evidence.EvidencePack;
import io.kafmirror.engine.evidence.EvidencePeriod;
import io.kafmirror.engine.run.OpenStores;
import io.kafmirror.engine.state.StateDatabase;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Writes one evidence pack for the {@code evidence} commands: gathers the period's evidence and signs it with the installation's key. */
final class PackExport {

    private final MirrorConfig config;
    private final DataOptions data;
    private final List<String> stores;

    /** Packs of {@code stores} (empty: every configured one) of {@code config}, with the state and key of {@code data}. */
    PackExport(MirrorConfig config, DataOptions data, List<String> stores) {
        this.config = config;
        this.data = data;
        this.stores = stores.isEmpty() ? EvidenceCollector.allStores(config) : stores;
    }

    /** Writes the pack of {@code period} to {@code out} and says so on {@code printed}. */
    void write(EvidencePeriod period, Path out, boolean overwrite, PrintWriter printed) {
        EvidenceKey key = EvidenceKey.loadOrCreate(data.folder());
        EvidenceData evidence;
        try (StateDatabase state = data.openState(); OpenStores open = new OpenStores(config, data.folder())) {
            evidence = new EvidenceCollector(config, state, open, new DrillFindings(state),
                    new AuditFindings(state, new AuditAnchoring(config, state, Clock.systemUTC())), Clock.systemUTC(),
                    VersionProvider.version()).collect(period, stores);
        }
        Map<String, byte[]> files = new EvidencePack(evidence, key).writeTo(out, overwrite);
        printed.printf("Wrote the evidence pack %s: %d files, %s to %s, %,d segments in %s.%n", out.toAbsolutePath(), files.size(),
                period.from(), period.to(), evidence.table(EvidenceData.SEGMENTS).rows().size(), String.join(", ", stores));
        printed.printf("Signed with the key %s (fingerprint SHA-256 %s).%n", key.file(), key.fingerprint());
        printed.flush();
    }
}
