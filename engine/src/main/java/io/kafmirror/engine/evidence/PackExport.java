package io.kafmirror.engine.evidence;

import io.kafmirror.engine.audit.AuditAnchoring;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.run.OpenStores;
import io.kafmirror.engine.state.AuditAction;
import io.kafmirror.engine.state.AuditOutcome;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.kfs.format.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Writes one evidence pack, as {@code kaf-mirror evidence export|scheduled} and the console's Evidence screen do: gathers
 * the period's evidence from the state database and the stores, signs it with the installation's key, and appends the
 * export to the audit log ({@code evidence.export}), a refused or failed one with its reason. Blocks on H2, the stores
 * and the disk.
 */
public final class PackExport {

    private final MirrorConfig config;
    private final Path dataDir;
    private final Supplier<StateDatabase> openState;
    private final String version;
    private final Clock clock;

    /**
     * Packs of {@code config}'s stores with the key of {@code dataDir} and the state database {@code openState} opens for
     * the acting user (who must be allowed to export evidence), stamped with {@code version}.
     */
    public PackExport(MirrorConfig config, Path dataDir, Supplier<StateDatabase> openState, String version, Clock clock) {
        this.config = config;
        this.dataDir = dataDir;
        this.openState = openState;
        this.version = version;
        this.clock = clock;
    }

    /**
     * Writes the pack of {@code period} and {@code stores} (empty: every configured one) to {@code out}; refuses to
     * replace an existing file unless {@code overwrite}.
     */
    public Exported write(EvidencePeriod period, List<String> stores, Path out, boolean overwrite) {
        List<String> packed = stores.isEmpty() ? EvidenceCollector.allStores(config) : List.copyOf(stores);
        Path target = out.toAbsolutePath();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("from", period.from().toString());
        parameters.put("to", period.to().toString());
        parameters.put("stores", packed);
        parameters.put("file", target.getFileName().toString());
        try (StateDatabase state = openState.get()) {
            Exported exported;
            try {
                exported = write(state, period, packed, target, overwrite);
            } catch (RuntimeException e) {
                state.audit().appendFailure(AuditAction.EVIDENCE_EXPORT, target.toString(), parameters, e);
                throw e;
            }
            parameters.put("manifest_sha256", exported.manifestSha256());
            parameters.put("signing_key_sha256", exported.keyFingerprint());
            parameters.put("files", exported.files());
            parameters.put("size_bytes", exported.sizeBytes());
            state.audit().append(AuditAction.EVIDENCE_EXPORT, target.toString(), parameters, AuditOutcome.OK, null);
            return exported;
        }
    }

    private Exported write(StateDatabase state, EvidencePeriod period, List<String> stores, Path target, boolean overwrite) {
        EvidenceKey key = EvidenceKey.loadOrCreate(dataDir);
        EvidenceData evidence;
        try (OpenStores open = new OpenStores(config, dataDir)) {
            evidence = new EvidenceCollector(config, state, open, new DrillFindings(state),
                    new AuditFindings(state, new AuditAnchoring(config, state, clock)), clock, version).collect(period, stores);
        }
        Map<String, byte[]> files = new EvidencePack(evidence, key).writeTo(target, overwrite);
        long size;
        try {
            size = Files.size(target);
        } catch (IOException e) {
            throw new UncheckedIOException("The evidence pack " + target + " was written but cannot be read back: " + e.getMessage(), e);
        }
        return new Exported(target, size, files.size(), Sha256.hex(files.get(EvidencePack.MANIFEST)), period, stores,
                evidence.table(EvidenceData.SEGMENTS).rows().size(), key.fingerprint(), key.file());
    }

    /**
     * A pack written.
     *
     * @param file           the zip, absolute
     * @param sizeBytes      its size
     * @param files          how many files it holds
     * @param manifestSha256 the SHA-256 of its {@value EvidencePack#MANIFEST}, the file the signature covers
     * @param period         the period it covers
     * @param stores         the stores it describes
     * @param segments       how many stored segments its inventory lists
     * @param keyFingerprint the signing key's fingerprint ({@link EvidenceKey#fingerprint})
     * @param keyFile        the signing key's file in the data folder
     */
    public record Exported(Path file, long sizeBytes, int files, String manifestSha256, EvidencePeriod period, List<String> stores,
                           int segments, String keyFingerprint, Path keyFile) {
    }
}
