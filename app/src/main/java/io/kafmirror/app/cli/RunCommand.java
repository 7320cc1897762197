package io.kafmirror.app.cli;

import io.kafmirror.engine.audit.AuditAnchoring;
import io.kafmirror.engine.config.ConfigException;
import io.kafmirror.engine.config.MirrorConfig;
import io.kafmirror.engine.config.SeparationWarning;
import io.kafmirror.engine.config.SeparationWarnings;
import io.kafmirror.engine.drill.JobDrills;
import io.kafmirror.engine.evidence.EvidenceKey;
import io.kafmirror.engine.run.BackupRunner;
import io.kafmirror.engine.run.DeclaredJobs;
import io.kafmirror.engine.run.OpenStores;
import io.kafmirror.engine.state.AuditAnchor;
import io.kafmirror.engine.state.DrillRecord;
import io.kafmirror.engine.state.Job;
import io.kafmirror.engine.state.StateDatabase;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Spec;

/**
 * {@code kaf-mirror run}: mirrors every running job until SIGTERM or Ctrl-C, then stores what it
 * read and exits. Follows pause/resume/add/remove made meanwhile with the CLI or the console.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run every job whose state is running until stopped (SIGTERM, Ctrl-C); store what was read, then exit.")
public final class RunCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Mixin
    DataOptions data;

    @Option(names = "--sample-every", paramLabel = "SECONDS", defaultValue = "10",
            description = "Seconds between progress samples written for the chart and 'jobs status'. Default: ${DEFAULT-VALUE}.")
    int sampleSeconds;

    @Option(names = "--anchor-every", paramLabel = "MINUTES", defaultValue = "60",
            description = "Minutes between anchors of the audit log written into the stores (also once at the start and at"
                    + " the stop); 0 for none. Default: ${DEFAULT-VALUE}.")
    int anchorMinutes;

    @Spec
    CommandSpec spec;

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
    private static final Duration DRILL_CHECK = Duration.ofMinutes(1);

    private long anchoredSeq = -1;

    @Override
    public Integer call() throws InterruptedException {
        MirrorConfig loaded = config.load();
        PrintWriter out = spec.commandLine().getOut();
        StopSignal stop = StopSignal.install();
        Thread drills = null;
        try (StateDatabase state = data.openState("run");
             BackupRunner runner = new BackupRunner(loaded, state, data.folder(), Clock.systemUTC())) {
            int declared = DeclaredJobs.apply(loaded, state.jobs());
            warnSeparation(loaded, state);
            out.printf("kaf-mirror running (%d job(s) from %s taken over); stop with SIGTERM or Ctrl-C.%n", declared,
                    config.config);
            createSigningKey(out);
            out.flush();
            drills = startDrills(loaded, state, runner, out, stop);
            long nextSample = System.nanoTime() + Duration.ofSeconds(sampleSeconds).toNanos();
            AuditAnchoring anchoring = new AuditAnchoring(loaded, state, Clock.systemUTC());
            long nextAnchor = System.nanoTime();
            do {
                if (anchorMinutes > 0 && System.nanoTime() - nextAnchor >= 0) {
                    anchor(state, anchoring);
                    nextAnchor = System.nanoTime() + Duration.ofMinutes(anchorMinutes).toNanos();
                }
                runner.reconcile();
                if (System.nanoTime() - nextSample >= 0) {
                    runner.sample();
                    nextSample = System.nanoTime() + Duration.ofSeconds(sampleSeconds).toNanos();
                }
            } while (!stop.await(Duration.ofSeconds(1)));
            runner.sample();
            if (anchorMinutes > 0) {
                anchor(state, anchoring);
            }
            stopDrills(drills);
            out.println("Stopping: storing what was read...");
            out.flush();
        } finally {
            stopDrills(drills);
            stop.stopped();
        }
        out.println("Stopped.");
        out.flush();
        return 0;
    }

    // The key exists from the first start, so its fingerprint can go to the auditors before the first pack; a key that
    // cannot be created stops no backup: 'evidence key' and 'evidence export' say why again.
    private void createSigningKey(PrintWriter out) {
        try {
            EvidenceKey.createIfMissing(data.folder()).ifPresent(key -> out.printf("Created the evidence signing key %s;"
                    + " give auditors its fingerprint (SHA-256) %s ('kaf-mirror evidence key' shows it again).%n", key.file(),
                    key.fingerprint()));
        } catch (RuntimeException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("Cannot create the evidence signing key: " + e.getMessage());
            err.flush();
        }
    }

    // Every job the engine runs, declared in the file or added with 'jobs add', once each.
    private void warnSeparation(MirrorConfig loaded, StateDatabase state) {
        Set<SeparationWarning> warnings = new LinkedHashSet<>();
        for (Job job : state.jobs().list()) {
            try {
                warnings.addAll(SeparationWarnings.forJob(job.name(), job.config(), loaded));
            } catch (ConfigException e) {
                // A job whose cluster or store left the file is reported by the runner itself.
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        for (SeparationWarning warning : warnings) {
            LOG.warn("Separation: {}", warning.message());
            err.println("warning: " + warning.message());
        }
        err.flush();
    }

    /**
     * Runs the jobs' scheduled drills that are due, now and then every minute, on a thread of their own so that a long
     * restore drill holds up no backup; a drill missed while kaf-mirror was stopped is due at once. A failed drill goes to
     * the alert hooks like the jobs' anomalies.
     */
    private Thread startDrills(MirrorConfig loaded, StateDatabase state, BackupRunner runner, PrintWriter out, StopSignal stop) {
        Thread thread = new Thread(() -> {
            try (OpenStores stores = new OpenStores(loaded, data.folder())) {
                JobDrills drills = new JobDrills(loaded, state, stores, runner::events, Clock.systemUTC());
                do {
                    try {
                        for (DrillRecord d : drills.runDue()) {
                            out.printf("Drill #%d of job %s (%s) %s%s%n", d.id(), d.job(), d.schedule(),
                                    d.passed() ? "passed" : "FAILED: ", d.passed() ? "" : d.finding());
                            out.flush();
                        }
                    } catch (RuntimeException e) {
                        LOG.error("Cannot run the scheduled drills: {}", e.getMessage(), e);
                    }
                } while (!stop.await(DRILL_CHECK));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "kaf-mirror-drills");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Interrupts a drill under way (it deletes its scratch topics; its record stays running) and waits for it. */
    private static void stopDrills(Thread drills) throws InterruptedException {
        if (drills != null && drills.isAlive()) {
            drills.interrupt();
            drills.join(DRILL_CHECK.toMillis());
        }
    }

    // An anchor that cannot be written (a store down) is said and tried again next time: the backup goes on. A head
    // already anchored by this run is not anchored again.
    private void anchor(StateDatabase state, AuditAnchoring anchoring) {
        try {
            if (state.audit().head().seq() == anchoredSeq) {
                return;
            }
            anchoring.anchor(List.of()).stream().mapToLong(AuditAnchor::seq).max().ifPresent(seq -> anchoredSeq = seq);
        } catch (RuntimeException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("Cannot anchor the audit log in the stores now (tried again in " + anchorMinutes + " min): " + e.getMessage());
            err.flush();
        }
    }
}
