package io.kafmirror.ui.evidence;

import io.kafmirror.engine.ProductVersion;
import io.kafmirror.engine.config.ConfigLoader;
import io.kafmirror.engine.evidence.EvidenceCollector;
import io.kafmirror.engine.evidence.EvidenceKey;
import io.kafmirror.engine.evidence.EvidencePeriod;
import io.kafmirror.engine.evidence.PackExport;
import io.kafmirror.ui.ConsoleLogin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The evidence packs of the configuration and data folder shared with the CLI: the stores to pick from, the signing key,
 * and the export itself, the engine's {@link PackExport} as {@code kaf-mirror evidence export} runs it, audited as the
 * user the console acts as. Blocks on the disk, H2 and the stores: call it off the FX thread.
 */
public final class EvidenceState {

    private final Path configFile;
    private final Path dataDir;

    /** The packs of the configuration {@code configFile} with the state and key of {@code dataDir}. */
    public EvidenceState(Path configFile, Path dataDir) {
        this.configFile = configFile;
        this.dataDir = dataDir;
    }

    /** The configured stores' names; none while there is no configuration file. */
    public List<String> stores() {
        return Files.isRegularFile(configFile) ? EvidenceCollector.allStores(new ConfigLoader().load(configFile)) : List.of();
    }

    /** The installation's signing key, created when it is missing. */
    public EvidenceKey key() {
        return EvidenceKey.loadOrCreate(dataDir);
    }

    /** Writes the pack of {@code period} and {@code stores} (empty: every one) to {@code out}, replacing it only if {@code replace}. */
    public PackExport.Exported export(EvidencePeriod period, List<String> stores, Path out, boolean replace) {
        if (!Files.isRegularFile(configFile)) {
            throw new IllegalArgumentException("There is no configuration file at " + configFile.toAbsolutePath() + ", so no store"
                    + " to report on: add a store on the Clusters screen first.");
        }
        return new PackExport(new ConfigLoader().load(configFile), dataDir, () -> ConsoleLogin.of(dataDir).open(),
                ProductVersion.current(),
                Clock.systemUTC()).write(period, stores, out, replace);
    }

    /** The configuration file, as the scheduled command names it. */
    public Path configFile() {
        return configFile;
    }

    /** The data folder, as the scheduled command names it. */
    public Path dataDir() {
        return dataDir;
    }
}
