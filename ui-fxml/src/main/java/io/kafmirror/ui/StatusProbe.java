package io.kafmirror.ui;

import io.kafmirror.engine.config.ConfigLoader;
import io.kafmirror.engine.config.LocalStoreConfig;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.config.SeparationWarning;
import io.kafmirror.engine.config.SeparationWarnings;
import io.kafmirror.engine.config.StoreConfig;
import io.kafmirror.engine.mirror.Severity;
import io.kafmirror.engine.state.AlertFilter;
import io.kafmirror.engine.state.DesiredState;
import io.kafmirror.engine.state.Job;
import io.kafmirror.engine.state.MetricSample;
import io.kafmirror.engine.state.StateDatabase;
import io.kafmirror.kfs.store.SegmentStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what the status bar shows: the jobs from the shared state database and the health of the configured
 * stores. Blocks on H2 and on the stores (S3 calls): call it off the FX thread, from one thread at a time.
 */
public final class StatusProbe implements AutoCloseable {

    /** An engine samples every 10 s by default; three missed samples mean it is not running. */
    static final Duration ENGINE_SILENCE = Duration.ofSeconds(30);

    private final Path configFile;
    private final ConsoleState state;
    private final Clock clock;
    // One loader for every probe: it remembers what it decrypted, each encrypted secret costing half a second.
    private final ConfigLoader loader = new ConfigLoader();

    /** A probe of the configuration {@code configFile} and the state database in {@code dataDir}. */
    public StatusProbe(Path configFile, Path dataDir, Clock clock) {
        this.configFile = configFile;
        this.state = new ConsoleState(dataDir);
        this.clock = clock;
    }

    /** The jobs by desired state and their open critical alerts, opening the state database on first use and keeping it open. */
    public synchronized JobsSummary jobs() {
        StateDatabase db = state.get();
        List<String> running = new ArrayList<>();
        int paused = 0;
        int stopped = 0;
        boolean engineActive = false;
        Instant recent = clock.instant().minus(ENGINE_SILENCE);
        for (Job job : db.jobs().list()) {
            if (job.desiredState() == DesiredState.RUNNING) {
                running.add(job.name());
                engineActive |= db.metrics().latest(job.name()).stream().map(MetricSample::at).anyMatch(recent::isBefore);
            } else if (job.desiredState() == DesiredState.PAUSED) {
                paused++;
            } else {
                stopped++;
            }
        }
        int openCritical = db.alerts().count(AlertFilter.open().severities(Severity.CRITICAL));
        return new JobsSummary(running, paused, stopped, engineActive, openCritical);
    }

    /** Each configured store's reachability, Object Lock and separation warnings, or empty when there is no configuration file yet. */
    public Optional<List<StoreStatus>> stores() {
        if (!Files.isRegularFile(configFile)) {
            return Optional.empty();
        }
        MirrorConfig config = loader.load(configFile);
        List<StoreStatus> found = new ArrayList<>();
        List<SeparationWarning> warnings = SeparationWarnings.of(config);
        for (Map.Entry<String, StoreConfig> store : config.stores().entrySet()) {
            List<String> separation = warnings.stream().filter(w -> w.store().equals(store.getKey()))
                    .map(SeparationWarning::message).toList();
            found.add(check(store.getKey(), store.getValue(), separation));
        }
        return Optional.of(found);
    }

    private static StoreStatus check(String name, StoreConfig config, List<String> separation) {
        if (config instanceof LocalStoreConfig local && !Files.isDirectory(local.path())) {
            return new StoreStatus(name, null, "the folder " + local.path() + " does not exist (is the drive mounted?)",
                    separation);
        }
        try (SegmentStore store = config.open()) {
            return new StoreStatus(name, store.verifyLock(), null, separation);
        } catch (RuntimeException e) {
            return new StoreStatus(name, null, Problem.of(e).message(), separation);
        }
    }

    @Override
    public synchronized void close() {
        state.close();
    }
}
