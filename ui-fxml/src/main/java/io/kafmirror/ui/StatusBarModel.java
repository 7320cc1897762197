package io.kafmirror.ui;

import io.kafmirror.engine.access.Principal;
import io.kafmirror.kfs.store.LockReport;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * What the status bar says: store health, Object Lock status, running jobs, open critical alerts and who acts, each a
 * {@link StatusItem}.
 * Updated on the FX thread only.
 */
public final class StatusBarModel {

    private final StatusItem storeHealth = new StatusItem("Stores: not checked yet");
    private final StatusItem objectLock = new StatusItem("Object Lock: not checked yet");
    private final StatusItem jobs = new StatusItem("Jobs: reading…");
    private final StatusItem alerts = new StatusItem("Alerts: reading…");
    private final StatusItem acting = new StatusItem("");
    private final ReadOnlyObjectWrapper<Principal> principal = new ReadOnlyObjectWrapper<>(this, "principal");

    /** Whether the configured stores answer; attention when one does not or the configuration is unreadable. */
    public StatusItem storeHealth() {
        return storeHealth;
    }

    /**
     * Whether the stores keep segments immutable and are separated from the clusters; attention when one does not
     * enforce Object Lock, a job locks nothing, or a store shares a credential with a cluster.
     */
    public StatusItem objectLock() {
        return objectLock;
    }

    /** The running jobs; attention when they are meant to run but no engine runs them, or cannot be read. */
    public StatusItem jobs() {
        return jobs;
    }

    /** The open critical alerts; attention when there is one. */
    public StatusItem alerts() {
        return alerts;
    }

    /** Who the console acts as: the user logged in, or the operating-system user of a folder without users. */
    public StatusItem acting() {
        return acting;
    }

    /** Who the console acts as, for what the menus offer: Log out to a user, Create administrator… without users. */
    public ReadOnlyObjectProperty<Principal> principalProperty() {
        return principal.getReadOnlyProperty();
    }

    /** Shows that the console acts as {@code principal}. */
    public void showActing(Principal principal) {
        this.principal.set(principal);
        switch (principal.kind()) {
            case UNCLAIMED -> acting.set("unclaimed folder: acting as " + principal.name() + " (admin)",
                    "The data folder has no users, so whoever runs the console is admin. Claim it with File › Create"
                    + " administrator…, or 'kaf-mirror users init'.", false);
            case USER -> acting.set(principal.name() + " (" + principal.role().label() + ")",
                    "Logged in as " + principal.describe() + "; what you do is audited under this name.", false);
            default -> acting.set(principal.describe(), "", false);
        }
    }

    /** Shows the jobs and their alerts just read. */
    public void showJobs(JobsSummary summary) {
        int running = summary.running().size();
        String text = running == 0 && summary.paused() == 0 && summary.stopped() == 0 ? "No jobs"
                : running + (running == 1 ? " running job" : " running jobs")
                + (summary.paused() > 0 ? ", " + summary.paused() + " paused" : "");
        boolean idleEngine = running > 0 && !summary.engineActive();
        jobs.set(text, running == 0 ? "No job is meant to run."
                : "Running: " + String.join(", ", summary.running()) + "\n" + (idleEngine
                        ? "No engine has sampled them in the last " + StatusProbe.ENGINE_SILENCE.toSeconds()
                        + " s: start 'kaf-mirror run' to mirror them."
                        : "An engine is mirroring them."), idleEngine);
        int critical = summary.openCriticalAlerts();
        alerts.set(critical == 0 ? "No open critical alerts"
                        : critical + (critical == 1 ? " open critical alert" : " open critical alerts"),
                critical == 0 ? "Alerts acknowledged or muted are not counted."
                        : "Acknowledge or mute them on the Alerts screen, or with 'kaf-mirror alerts'.", critical > 0);
    }

    /** The state database could not be read. */
    public void jobsUnavailable(Problem problem) {
        jobs.set("Jobs: unavailable", problem.message(), true);
        alerts.set("Alerts: unavailable", problem.message(), true);
    }

    /** Shows the stores just checked; empty when there is no configuration file yet. */
    public void showStores(Optional<List<StoreStatus>> checked) {
        if (checked.isEmpty() || checked.get().isEmpty()) {
            storeHealth.set("No stores configured", "Add a store on the Clusters screen or in the configuration file.", false);
            objectLock.set("Object Lock: –", "No store to check.", false);
            return;
        }
        List<StoreStatus> stores = checked.get();
        List<StoreStatus> unreachable = stores.stream().filter(s -> !s.reachable()).toList();
        storeHealth.set(unreachable.isEmpty()
                        ? (stores.size() == 1 ? "Store reachable" : "All " + stores.size() + " stores reachable")
                        : "Unreachable: " + unreachable.stream().map(StoreStatus::store).collect(Collectors.joining(", ")),
                stores.stream()
                        .map(s -> s.store() + ": " + (s.reachable() ? "reachable (" + s.lock().location() + ")" : s.error()))
                        .collect(Collectors.joining("\n")),
                !unreachable.isEmpty());

        List<StoreStatus> answered = stores.stream().filter(StoreStatus::reachable).toList();
        List<String> unlocked = answered.stream().filter(s -> !s.lock().ok()).map(StoreStatus::store).toList();
        List<String> separation = stores.stream().flatMap(s -> s.separation().stream()).toList();
        String text = (answered.isEmpty() ? "Object Lock: unknown"
                : unlocked.isEmpty() ? "Object Lock: on"
                : "Object Lock: off on " + String.join(", ", unlocked))
                + (separation.isEmpty() ? "" : " · " + separation.size() + (separation.size() == 1
                        ? " separation warning" : " separation warnings"));
        String lockDetails = answered.isEmpty() ? "No store answered." : answered.stream()
                .map(s -> s.store() + ": " + describe(s.lock()))
                .collect(Collectors.joining("\n"));
        objectLock.set(text, separation.isEmpty() ? lockDetails : lockDetails + "\n" + String.join("\n", separation),
                !unlocked.isEmpty() || !separation.isEmpty());
    }

    /** The configuration could not be read, so the stores are unknown. */
    public void storesUnavailable(Problem problem) {
        storeHealth.set("Stores: configuration unreadable", problem.message(), true);
        objectLock.set("Object Lock: unknown", problem.message(), false);
    }

    private static String describe(LockReport lock) {
        return lock.ok()
                ? "immutable (" + lock.defaultRetention() + ", " + lock.defaultRetentionDays() + " days by default)"
                : String.join(" ", lock.warnings());
    }
}
