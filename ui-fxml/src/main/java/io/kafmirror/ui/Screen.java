package io.kafmirror.ui;

/**
 * The console's screens in navigation order, each with the FXML resource that draws it. This enum is the
 * registry: a screen appears as soon as its FXML exists at {@link #fxml()}; until then the console shows a
 * placeholder naming the issue it arrives with.
 */
public enum Screen {
    /** Source and target Kafka clusters and segment stores. */
    CLUSTERS("Clusters", "/io/kafmirror/ui/clusters/ClustersView.fxml", 5,
            "Add and test Kafka clusters and segment stores."),
    /** Backup jobs: create, start, pause, resume. */
    JOBS("Jobs", "/io/kafmirror/ui/jobs/JobsView.fxml", 5,
            "Create backup jobs, see the topics they select, start and pause them."),
    /** Lag and throughput per job, with anomaly markers. */
    DASHBOARD("Dashboard", "/io/kafmirror/ui/dashboard/DashboardView.fxml", 5,
            "Lag and throughput of every job over time, with anomalies and events marked."),
    /** Anomalies to acknowledge or mute. */
    ALERTS("Alerts", "/io/kafmirror/ui/alerts/AlertsView.fxml", 7,
            "The anomalies of every job, newest first: acknowledge them, or mute a noisy kind for a while."),
    /** Point-in-time restore on a timeline. */
    RESTORE("Restore", "/io/kafmirror/ui/restore/RestoreView.fxml", 5,
            "Pick a restore point on the timeline of a backup and restore it into a cluster."),
    /** Who did what, when. */
    AUDIT_LOG("Audit log", "/io/kafmirror/ui/audit/AuditLogView.fxml", 6,
            "Every change to clusters, jobs and restores, with who made it and when."),
    /** DORA/NIS2 evidence reports. */
    EVIDENCE("Evidence", "/io/kafmirror/ui/evidence/EvidenceView.fxml", 6,
            "Reports that prove backups were taken, kept immutable and restored."),
    /** Local users, their roles and API tokens. */
    USERS("Users", "/io/kafmirror/ui/users/UsersView.fxml", 6,
            "Add users, change their roles and passwords, create and revoke API tokens.");

    private final String title;
    private final String fxml;
    private final int issue;
    private final String purpose;

    Screen(String title, String fxml, int issue, String purpose) {
        this.title = title;
        this.fxml = fxml;
        this.issue = issue;
        this.purpose = purpose;
    }

    /** The name shown in the navigation and the window title. */
    public String title() {
        return title;
    }

    /** The class-path resource of the screen's FXML. */
    public String fxml() {
        return fxml;
    }

    /** The issue that delivers the screen, named by its placeholder. */
    public int issue() {
        return issue;
    }

    /** One sentence on what the screen is for, shown by its placeholder. */
    public String purpose() {
        return purpose;
    }

    /** The digit of its keyboard shortcut (Ctrl+1 for the first screen). */
    public int shortcutDigit() {
        return ordinal() + 1;
    }

    /** The screen named {@code name()} (as remembered), or {@code fallback} when there is none by that name. */
    public static Screen byName(String name, Screen fallback) {
        for (Screen screen : values()) {
            if (screen.name().equals(name)) {
                return screen;
            }
        }
        return fallback;
    }
}
