package io.kafmirror.ui.restore;

import io.kafmirror.engine.state.Heartbeat;
import io.kafmirror.engine.state.RestoreRecord;
import io.kafmirror.engine.state.RestoreRecord.RestoreState;
import io.kafmirror.engine.state.RestoreSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One past restore as the Restore screen's history lists it: what {@code kaf-mirror restore status} prints of it, in
 * words.
 *
 * @param record the restore as the state database holds it
 * @param silent whether it is marked running but its program has stopped noting progress (killed or crashed)
 */
public record RestoreHistoryRow(RestoreRecord record, boolean silent) {

    /** {@code record} as read at {@code now}. */
    static RestoreHistoryRow of(RestoreRecord record, Instant now) {
        return new RestoreHistoryRow(record, record.silentAt(now));
    }

    /** Its number, e.g. {@code #7}, as {@code kaf-mirror restore verify 7} takes it. */
    public String number() {
        return "#" + record.id();
    }

    /** The source topic and where it went, e.g. {@code orders → dr / restored.orders}. */
    public String route() {
        RestoreSpec spec = record.spec();
        return spec.topic() + " → " + spec.targetCluster() + " / " + spec.targetTopic();
    }

    /** The restore point as it was asked for. */
    public String point() {
        return record.spec().restorePoint();
    }

    /** When it first started, in UTC to the second. */
    public String started() {
        return RestoreWords.moment(record.created());
    }

    /**
     * When it ended, in UTC to the second, the day left out when it is the start's; empty while it runs; for a silent one,
     * its last sign of life.
     */
    public String ended() {
        if (record.state() == RestoreState.RUNNING && !silent) {
            return "";
        }
        String started = started();
        String ended = RestoreWords.moment(record.updated());
        return ended.substring(0, 10).equals(started.substring(0, 10)) ? ended.substring(11) : ended;
    }

    /** How it stands: running, stopped (silent: killed or crashed), interrupted (cancelled), failed or done. */
    public String state() {
        return switch (record.state()) {
            case RUNNING -> silent ? "stopped" : "running";
            case CANCELLED -> "interrupted";
            case FAILED -> "failed";
            case COMPLETED -> "done";
        };
    }

    /** The style class of its state's cell: {@code state-done}, {@code state-failed} and so on. */
    public String stateStyle() {
        return "state-" + state();
    }

    /** Records in the target of those planned, e.g. {@code 200 of 200}. */
    public String records() {
        return String.format(Locale.ROOT, "%,d of %,d", record.restoredRecords(), record.spec().plannedRecords());
    }

    /** The last verification: passed or FAILED, the records found of those expected, how long it took; or not verified. */
    public String verification() {
        RestoreRecord.Verification v = record.verification();
        if (v == null) {
            return "not verified";
        }
        return String.format(Locale.ROOT, "%s · %,d of %,d · %s", v.passed() ? "passed" : "FAILED", v.found(),
                v.expected(), RestoreWords.duration(v.duration()));
    }

    /** The style class of its verification's cell; null when never verified. */
    public String verificationStyle() {
        return record.verification() == null ? null : record.verification().passed() ? "verify-passed" : "verify-failed";
    }

    /** Whether its target can be verified again: every planned record was written. */
    public boolean verifiable() {
        return record.state() == RestoreState.COMPLETED;
    }

    /**
     * Whether it can be resumed from here: it was cancelled or failed, or its program went silent. One running in another
     * kaf-mirror is not: two runs would write the same records twice.
     */
    public boolean resumable() {
        return record.state() == RestoreState.CANCELLED || record.state() == RestoreState.FAILED || silent;
    }

    /** What the columns leave out, one fact a line: the generation and store read, why it stopped, the first mismatch. */
    public String details() {
        RestoreSpec spec = record.spec();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Restore %s of %s (cluster %s, generation %s) from store %s, started by %s.",
                number(), spec.topic(), spec.sourceCluster(), spec.topicId(), spec.store(), record.actor()));
        if (record.message() != null) {
            lines.add("Stopped: " + record.message());
        }
        if (silent) {
            lines.add("Marked running, but its program has noted nothing since " + RestoreWords.moment(record.updated())
                    + " UTC: it was killed or crashed. Resume continues it.");
        } else if (record.state() == RestoreState.RUNNING) {
            lines.add("Running in a kaf-mirror program; its progress is noted every "
                    + Heartbeat.INTERVAL.toSeconds() + " s.");
        }
        if (record.verification() != null && record.verification().detail() != null) {
            lines.add("First difference: " + record.verification().detail());
        }
        return String.join("\n", lines);
    }
}
